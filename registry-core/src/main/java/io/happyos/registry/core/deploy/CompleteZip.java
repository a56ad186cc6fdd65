package io.happyos.registry.core.deploy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether a file already is a whole ZIP: it ends with an end-of-central-directory record (and its
 * archive comment, if any, to the last byte) whose central directory lies exactly where the record
 * says, ending where the record (or the ZIP64 end record) begins, and the file starts with a local
 * file header. A ZIP is written front to back and this record comes last, so a JAR still being
 * copied does not pass, even when the part copied so far ends with the end record of a JAR stored
 * inside it (whose offsets are relative to where that inner JAR starts); a ZIP with bytes before it
 * does not pass either. A JAR renamed into the folder passes and need not wait out the settle time.
 * Reads at most the last 64 KiB and a few headers; never throws: a read error says "not complete".
 */
final class CompleteZip {

    private static final int END_RECORD = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR = 20;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_END_RECORD = 56;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int DIRECTORY_SIGNATURE = 0x02014b50;
    private static final int LOCAL_HEADER_SIGNATURE = 0x04034b50;

    private CompleteZip() {}

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
            int tailLength = (int) Math.min(expectedSize, END_RECORD + MAX_COMMENT);
            long tailStart = expectedSize - tailLength;
            ByteBuffer tail = read(channel, tailStart, tailLength);
            int end = endRecord(tail);
            if (end < 0) {
                return false;
            }
            long endAt = tailStart + end;
            long entries = Short.toUnsignedInt(tail.getShort(end + 10));
            long directorySize = Integer.toUnsignedLong(tail.getInt(end + 12));
            long directoryOffset = Integer.toUnsignedLong(tail.getInt(end + 16));
            if (directoryOffset + directorySize != endAt) {
                return zip64Complete(channel, endAt);
            }
            return startsWith(channel, directoryOffset, directorySize, entries);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The position in the tail of the end record whose comment runs exactly to the end; -1 if none. */
    private static int endRecord(ByteBuffer tail) {
        for (int at = tail.capacity() - END_RECORD; at >= 0; at--) {
            if (tail.getInt(at) == END_SIGNATURE
                    && Short.toUnsignedInt(tail.getShort(at + 20)) == tail.capacity() - END_RECORD - at) {
                return at;
            }
        }
        return -1;
    }

    /** A ZIP64 archive: the locator before the end record points at the ZIP64 end record, which holds the sizes. */
    private static boolean zip64Complete(FileChannel channel, long endAt) throws IOException {
        long locatorAt = endAt - ZIP64_LOCATOR;
        if (locatorAt < ZIP64_END_RECORD) {
            return false;
        }
        ByteBuffer locator = read(channel, locatorAt, ZIP64_LOCATOR);
        if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
            return false;
        }
        long recordAt = locator.getLong(8);
        if (recordAt < 0 || recordAt > locatorAt - ZIP64_END_RECORD) {
            return false;
        }
        ByteBuffer record = read(channel, recordAt, ZIP64_END_RECORD);
        long entries = record.getLong(32);
        long directorySize = record.getLong(40);
        long directoryOffset = record.getLong(48);
        return record.getInt(0) == ZIP64_END_SIGNATURE
                && recordAt + 12 + record.getLong(4) == locatorAt
                && directoryOffset >= 0
                && directorySize >= 0
                && directoryOffset + directorySize == recordAt
                && startsWith(channel, directoryOffset, directorySize, entries);
    }

    /** The central directory starts with its signature where it says, and the ZIP's first entry at byte 0. */
    private static boolean startsWith(FileChannel channel, long directoryOffset, long directorySize, long entries)
            throws IOException {
        if (entries == 0 && directorySize == 0) {
            return true;
        }
        return directorySize >= 4
                && read(channel, directoryOffset, 4).getInt(0) == DIRECTORY_SIGNATURE
                && read(channel, 0, 4).getInt(0) == LOCAL_HEADER_SIGNATURE;
    }

    private static ByteBuffer read(FileChannel channel, long at, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("the file ended early");
            }
        }
        return buffer;
    }
}
