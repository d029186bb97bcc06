package org.ganbench.datasets;

/** The four files of the MNIST distribution, under their official uncompressed names. */
enum MnistFile {
    TRAIN_IMAGES("train-images-idx3-ubyte"),
    TRAIN_LABELS("train-labels-idx1-ubyte"),
    TEST_IMAGES("t10k-images-idx3-ubyte"),
    TEST_LABELS("t10k-labels-idx1-ubyte");

    private final String fileName;

    MnistFile(String fileName) {
        this.fileName = fileName;
    }

    /** Returns the uncompressed file name. Mirrors serve the file under this name plus ".gz". */
    String fileName() {
        return fileName;
    }

    @Override
    public String toString() {
        return fileName;
    }
}
