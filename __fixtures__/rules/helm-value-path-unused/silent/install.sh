#!/bin/sh
helm upgrade --install external-dns external-dns/external-dns --namespace kube-system \
  --set 'serviceAccount.annotations.eks\.amazonaws\.com/role-arn=arn:aws:iam::111122223333:role/external-dns'
