eksctl create cluster -f - <<EOF
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: shop
iam:
  podIdentityAssociations:
    - namespace: "${NS}"
      serviceAccountName: app
      roleName: app-pod-identity
EOF
