helm upgrade --install app ./chart -n "${NS}" --set serviceAccount.name=app \
  --set serviceAccount.annotations."eks\.amazonaws\.com/role-arn"=arn:aws:iam::345678901234:role/app
