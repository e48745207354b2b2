dependencies {
    implementation("com.amazonaws:aws-java-sdk-s3:1.11.500")
    implementation("com.amazonaws:aws-java-sdk-sts:1.11.500")
}
