using System.Buffers.Text;
using System.Text;
using Heliodesk.Common;

namespace Heliodesk.Features.Agents;

/// <summary>
/// Keyset cursor for lists sorted by (name, id). The name is encoded on its own because
/// <see cref="Cursor"/> separates keys with '|', which a name may contain.
/// </summary>
internal static class NameCursor
{
    public static string Encode(string name, Guid id) => Cursor.Encode(Base64Url.EncodeToString(Encoding.UTF8.GetBytes(name)), id);

    public static (string Name, Guid Id)? Decode(string? cursor)
    {
        var keys = Cursor.Decode(cursor, 2);
        if (keys.Length == 0)
        {
            return null;
        }
        try
        {
            return (Encoding.UTF8.GetString(Base64Url.DecodeFromChars(keys[0])), Guid.Parse(keys[1]));
        }
        catch (FormatException)
        {
            throw new DomainRuleException("cursor", "This cursor is not valid here; use the nextCursor of the previous page.");
        }
    }
}
