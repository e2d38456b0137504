using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Heliodesk.Common;

/// <summary>
/// UUIDv7 that strictly increases within this process (RFC 9562 method 1: the 12 bits after the
/// millisecond are a counter). Guid.CreateVersion7 is random inside a millisecond, which would
/// scramble the order of events recorded in one save; ordering by (instant, id) needs this.
/// </summary>
public static class SequentialGuid
{
    private static long _last;

    public static Guid Next()
    {
        var candidate = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() << 12;
        long last, next;
        do
        {
            last = Volatile.Read(ref _last);
            next = Math.Max(candidate, last + 1);
        }
        while (Interlocked.CompareExchange(ref _last, next, last) != last);

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes, ((next >> 12) << 16) | 0x7000 | (next & 0xFFF));
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
