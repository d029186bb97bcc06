package org.ganbench.bench.perf;

/** Names of the benchmark's workloads and peers, as the report and its JSON print them. */
public final class Workloads {

    /** One float32 n x n matrix product: the GEMM rate that every other figure is compared with. */
    public static final String GEMM = "gemm";
    /** Bandwidth selection and the test log-likelihood of the Parzen-window protocol. */
    public static final String PARZEN = "parzen-protocol";
    /** One iteration of the MNIST GAN with both networks updated from one step. */
    public static final String TRAINING_SIMULTANEOUS = "training-simultaneous";
    /** One iteration of the MNIST GAN as Algorithm 1 with k = 1. */
    public static final String TRAINING_ALTERNATING = "training-alternating";
    /** Drawing the generator samples that the Parzen protocol scores. */
    public static final String SAMPLING = "sampling";
    /** Diagnostic: the Parzen protocol's matrix products alone. */
    public static final String PARZEN_PRODUCTS = "parzen-products-only";
    /** Prefix of the diagnostics that time one forward product of the training step. */
    public static final String PRODUCT_PREFIX = "product-";

    /** The GEMM peer on numpy's OpenBLAS, whose median is "the measured GEMM rate". */
    public static final String NUMPY_GEMM_PEER = "gemm_rate.py --lib numpy";
    /** The GEMM peer on the OpenBLAS that the PyTorch peer loads. */
    public static final String TORCH_GEMM_PEER = "gemm_rate.py --lib torch";
    /** The numpy Parzen peer in matrix-product form. */
    public static final String NUMPY_PARZEN_PEER = "parzen_numpy.py --mode gemm";
    /** The numpy Parzen peer in the original script's broadcast form. */
    public static final String BROADCAST_PARZEN_PEER = "parzen_numpy.py --mode broadcast";
    /** The PyTorch peer of both training workloads, by update mode. */
    public static final String TORCH_TRAINING_PEER = "gan_torch.py --update ";
    /** The PyTorch peer of the training step's product diagnostics. */
    public static final String TORCH_PRODUCT_PEER = "PyTorch peer";

    private Workloads() {
    }
}
