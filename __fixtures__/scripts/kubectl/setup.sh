#!/bin/sh
ACCOUNT=345678901234
kubectl create namespace orders
kubectl create serviceaccount checkout -n orders
kubectl annotate serviceaccount checkout -n orders \
  eks.amazonaws.com/role-arn=arn:aws:iam::${ACCOUNT}:role/checkout --overwrite
kubectl --namespace=orders create sa plain
kubectl annotate sa/typo --namespace orders eks.amazonaws.com/role_arn=arn:aws:iam::345678901234:role/typo
kubectl annotate serviceaccount/later -n "$(cat ns.txt)" eks.amazonaws.com/role-arn="$ROLE_ARN"
kubectl create sa printed -n orders --dry-run=client -o yaml
