namespace Heliodesk.Common;

/// <summary>
/// Keyset pagination for lists sorted by (name, id).
/// </summary>
public static class NameCursor
{
    public static string Encode(string name, Guid id) => Cursor.Encode(id, name);

    public static (string Name, Guid Id)? Decode(string? cursor)
    {
        var keys = Cursor.Decode(cursor, 2);
        if (keys.Length == 0)
        {
            return null;
        }
        try
        {
            return (keys[1], Guid.Parse(keys[0]));
        }
        catch (FormatException)
        {
            throw new DomainRuleException("cursor", "This cursor is not valid here; use the nextCursor of the previous page.");
        }
    }
}
