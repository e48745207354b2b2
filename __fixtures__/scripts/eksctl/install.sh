#!/usr/bin/env bash
set -euo pipefail
CLUSTER=prod-eu
NAMESPACE=payments
# eksctl create iamserviceaccount --cluster prod-eu --name commented-out
eksctl create iamserviceaccount \
  --cluster "$CLUSTER" --namespace "${NAMESPACE}" --name billing \
  --role-name billing-reader \
  --attach-policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess \
  --approve --override-existing-serviceaccounts

eksctl create iamserviceaccount --cluster=prod-eu --name=karpenter --namespace="${KARPENTER_NAMESPACE:-karpenter}" --role-only --approve
eksctl create iamserviceaccount --cluster prod-eu --name reporter --approve

cat <<EOF > notes.txt
eksctl create iamserviceaccount --cluster prod-eu --name inside-heredoc
EOF
