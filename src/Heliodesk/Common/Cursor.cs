using System.Buffers.Text;
using System.Text.Json;

namespace Heliodesk.Common;

/// <summary>
/// Keyset pagination: the cursor is the last row's sort key, opaque to clients, so a page costs the
/// same on page 1 and page 10,000 and rows added meanwhile are neither skipped nor repeated.
/// </summary>
public static class Cursor
{
    public static string Encode(params object[] keys) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(
            keys.Select(k => k is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : k.ToString()).ToArray()));

    public static string[] Decode(string? cursor, int parts)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return [];
        }
        try
        {
            var keys = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(cursor));
            return keys?.Length == parts && keys.All(k => k is not null) ? keys : throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw Invalid();
        }
    }

    /// <summary>The (instant, id) key that time-ordered lists page by; null on the first page.</summary>
    public static (DateTimeOffset At, Guid Id)? DecodeInstantAndId(string? cursor)
    {
        var keys = Decode(cursor, 2);
        if (keys.Length == 0)
        {
            return null;
        }
        return long.TryParse(keys[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParse(keys[1], out var id)
                ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
                : throw Invalid();
    }

    private static DomainRuleException Invalid() =>
        new("cursor", "This cursor is not valid here; use the nextCursor of the previous page.");

    public static int Limit(int? requested, int fallback = 25) => requested switch
    {
        null => fallback,
        < 1 or > Limits.ListPage => throw new DomainRuleException("limit", $"Use a limit from 1 to {Limits.ListPage}."),
        _ => requested.Value,
    };
}
