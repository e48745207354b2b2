plugins {
    java
}

dependencies {
    implementation(platform("com.amazonaws:aws-java-sdk-bom:1.12.700"))
    implementation("com.amazonaws:aws-java-sdk-sqs")
    implementation("com.amazonaws:aws-java-sdk-sts")
}
