package org.ganbench.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reader for the ORL (AT&amp;T) Database of Faces, resized to the 48x48 faces of the Toronto Face Database so
 * that it can stand in for TFD.
 *
 * <p>The database has 40 subjects in folders {@code s1} to {@code s40}, each with ten binary PGM images
 * {@code 1.pgm} to {@code 10.pgm} of 92 columns by 112 rows and 8-bit grey levels, taken between 1992 and 1994
 * at the Olivetti Research Laboratory in Cambridge. Each image is resized from 112x92 to 48x48 by {@link AreaResampler area
 * averaging} of the whole frame. The aspect ratio is not kept, so faces become 112/92, about 1.22 times,
 * wider relative to their height, but no part of the face is cropped away.
 */
public final class OrlFacesReader {

    /** Number of subjects, labelled 1 to 40 after their folder names. */
    public static final int SUBJECTS = 40;

    /** Number of images per subject. */
    public static final int IMAGES_PER_SUBJECT = 10;

    /** Width of an original image in pixels. */
    public static final int SOURCE_WIDTH = 92;

    /** Height of an original image in pixels. */
    public static final int SOURCE_HEIGHT = 112;

    /** Height and width of a returned face, as in the Toronto Face Database. */
    public static final int SIZE = TfdReader.SIZE;

    private static final Logger LOG = LoggerFactory.getLogger(OrlFacesReader.class);

    private static final String FIX = "Copy the ORL database again: folders s1 to s40, each with 1.pgm to 10.pgm.";

    private OrlFacesReader() {
    }

    /**
     * Reads and resizes all 400 faces.
     *
     * @param directory the folder that contains {@code s1} to {@code s40}
     * @return 400 faces of 48x48 pixels in [0, 1], ordered by subject and then image number, labelled with the
     *     subject number 1 to 40
     * @throws NoSuchFileException if {@code directory} does not exist
     * @throws CorruptDataException if a subject folder or image is missing, an image is not an 8-bit binary
     *     PGM, is truncated, or is not 92x112
     * @throws IOException if a file cannot be read
     */
    public static ImageSet read(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null,
                    "not found or not a directory. Pass the folder that contains s1 to s40.");
        }

        int count = SUBJECTS * IMAGES_PER_SUBJECT;
        int facePixels = SIZE * SIZE;
        float[] pixels = new float[count * facePixels];
        int[] subjects = new int[count];
        for (int subject = 1; subject <= SUBJECTS; subject++) {
            Path folder = requireSubjectFolder(directory, subject);
            for (int image = 1; image <= IMAGES_PER_SUBJECT; image++) {
                int index = (subject - 1) * IMAGES_PER_SUBJECT + image - 1;
                float[] face = readFace(folder, image);
                System.arraycopy(face, 0, pixels, index * facePixels, facePixels);
                subjects[index] = subject;
            }
        }

        LOG.info("Read {} ORL faces from {}, resized to {}x{}", count, directory, SIZE, SIZE);
        return new ImageSet("orl", SIZE, SIZE, count, pixels, subjects);
    }

    private static Path requireSubjectFolder(Path directory, int subject) throws CorruptDataException {
        Path folder = directory.resolve("s" + subject);
        if (!Files.isDirectory(folder)) {
            throw new CorruptDataException(directory, "missing subject folder s" + subject + ". " + FIX);
        }
        return folder;
    }

    private static float[] readFace(Path folder, int image) throws IOException {
        Path file = folder.resolve(image + ".pgm");
        if (!Files.isRegularFile(file)) {
            throw new CorruptDataException(folder, "missing image " + image + ".pgm. " + FIX);
        }

        PgmReader.PgmImage original = PgmReader.read(file, FIX);
        if (original.width() != SOURCE_WIDTH || original.height() != SOURCE_HEIGHT) {
            throw new CorruptDataException(file, String.format("the image is %d wide and %d high but ORL images are %d x %d. %s",
                    original.width(), original.height(), SOURCE_WIDTH, SOURCE_HEIGHT, FIX));
        }
        return AreaResampler.resize(original.pixels(), SOURCE_HEIGHT, SOURCE_WIDTH, SIZE, SIZE);
    }
}
