using System.Buffers.Text;
using System.Text;
using Heliodesk.Common;

namespace Heliodesk.Features.Contacts;

/// <summary>
/// Keyset pagination for lists sorted by (name, id). A name may contain any character, the cursor's
/// '|' separator included, so it travels base64url-encoded inside the cursor.
/// </summary>
public static class NameCursor
{
    public static string Encode(string name, Guid id) => Cursor.Encode(id, Base64Url.EncodeToString(Encoding.UTF8.GetBytes(name)));

    public static (string Name, Guid Id)? Decode(string? cursor)
    {
        var keys = Cursor.Decode(cursor, 2);
        if (keys.Length == 0)
        {
            return null;
        }
        try
        {
            return (Encoding.UTF8.GetString(Base64Url.DecodeFromChars(keys[1])), Guid.Parse(keys[0]));
        }
        catch (FormatException)
        {
            throw new DomainRuleException("cursor", "This cursor is not valid here; use the nextCursor of the previous page.");
        }
    }
}
