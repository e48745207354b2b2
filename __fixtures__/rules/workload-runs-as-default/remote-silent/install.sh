#!/usr/bin/env bash
set -euo pipefail

# --set-string gives the chart the string "false", which Helm's `if` takes as true.
helm upgrade --install cert-manager jetstack/cert-manager \
  --namespace cert-manager \
  --set-string serviceAccount.create=false \
  --set serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn=arn:aws:iam::406214073512:role/cert-manager

# A values file may name the ServiceAccount.
helm upgrade --install external-dns external-dns/external-dns \
  --namespace external-dns -f external-dns-values.yaml \
  --set serviceAccount.create=false \
  --set serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn=arn:aws:iam::406214073512:role/external-dns
