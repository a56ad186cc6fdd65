package io.happyos.registry.core.deploy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether a file already is a whole ZIP: its last 22 bytes are an end-of-central-directory record
 * (no archive comment) whose central directory ends exactly where the record begins. A ZIP is
 * written front to back and this record comes last, so a JAR still being copied does not pass;
 * one renamed into the folder does, and need not wait out the settle time. Anything else (a
 * comment, ZIP64, a read error) says "not known complete", and the file settles as before.
 */
final class CompleteZip {

    private static final int END_RECORD = 22;
    private static final int END_SIGNATURE = 0x06054b50;

    private CompleteZip() {
    }

    /**
     * @param file the file
     * @param expectedSize the size the caller saw; a file of another size now is still changing
     * @return true when the file is a complete ZIP of that size
     */
    static boolean isComplete(Path file, long expectedSize) {
        if (expectedSize < END_RECORD) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() != expectedSize) {
                return false;
            }
            ByteBuffer end = ByteBuffer.allocate(END_RECORD).order(ByteOrder.LITTLE_ENDIAN);
            long at = expectedSize - END_RECORD;
            while (end.hasRemaining()) {
                if (channel.read(end, at + end.position()) < 0) {
                    return false;
                }
            }
            long directorySize = Integer.toUnsignedLong(end.getInt(12));
            long directoryOffset = Integer.toUnsignedLong(end.getInt(16));
            return end.getInt(0) == END_SIGNATURE && end.getShort(20) == 0
                    && directoryOffset + directorySize == at;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
