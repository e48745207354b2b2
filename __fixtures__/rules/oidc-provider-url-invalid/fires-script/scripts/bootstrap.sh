#!/usr/bin/env bash
set -euo pipefail

aws iam create-open-id-connect-provider \
  --url https://oidc.eks.eu-west-1.amazonaws.com/id/5C84D8E2F7A94B1C9E0D3A6B2F418C7D/ \
  --client-id-list sts.amazonaws.com
