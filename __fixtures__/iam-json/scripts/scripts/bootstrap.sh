#!/usr/bin/env bash
set -euo pipefail

ROLE_NAME="s3-reader"

# aws iam create-role --role-name old-reader --assume-role-policy-document file://../policies/reader/trust-policy.json
aws iam create-role \
  --role-name "$ROLE_NAME" \
  --path /irsa/ \
  --assume-role-policy-document file://../policies/reader/trust-policy.json

aws iam create-role --role-name "$1" --assume-role-policy-document file://policies/dynamic/trust-policy.json

for role in one two; do echo "$role"; done
aws iam create-role --role-name shared-a --assume-role-policy-document file://./policies/shared/trust.json && \
  aws iam create-role --role-name shared-b --assume-role-policy-document file://policies/shared/trust.json
aws --region eu-west-1 iam create-role --role-name legacy-v2 --assume-role-policy-document 'file://iam/legacy-trust.json'
