/** The released version; a test keeps it equal to package.json's. */
export const VERSION = '0.1.0'

export const INFORMATION_URI = 'https://github.com/irsa-guard/irsa-guard'
