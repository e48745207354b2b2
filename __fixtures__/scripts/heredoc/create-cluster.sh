#!/usr/bin/env bash
CLUSTER_NAME=shop-eu
eksctl create cluster -f - <<EOF
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: ${CLUSTER_NAME}
  region: eu-west-1
iam:
  withOIDC: true
  serviceAccounts:
    - metadata:
        name: cart
        namespace: "${CART_NAMESPACE}"
      roleName: ${CLUSTER_NAME}-cart
EOF

cat <<'EOF' > other-cluster.yaml
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: written-to-a-file
iam:
  withOIDC: true
EOF
