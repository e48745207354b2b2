#!/bin/sh
helm upgrade --install argocd argo/argo-cd --namespace argocd \
  --set 'serviceAccount.annotations.eks\.amazonaws\.com/role-arn=arn:aws:iam::111122223333:role/argocd'
