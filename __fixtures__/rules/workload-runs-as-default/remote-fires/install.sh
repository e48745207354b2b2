#!/usr/bin/env bash
set -euo pipefail

helm upgrade --install cert-manager jetstack/cert-manager \
  --namespace cert-manager --version v1.15.0 \
  --set crds.enabled=true \
  --set serviceAccount.create=false \
  --set serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn=arn:aws:iam::406214073512:role/cert-manager
