using System.Text;

namespace Heliodesk.Features.Contacts;

/// <summary>
/// Case-insensitive prefix search ("živ" finds "Živilė", "јов" finds "Јован") that is right for every
/// script on both databases without a stored search key (the model has none): the query text is
/// lowercased here and compared with <c>lower(Name)</c>, so both sides are folded by the same simple
/// Unicode case mapping.
/// <list type="bullet">
/// <item>PostgreSQL's lower() folds all of Unicode under the database's UTF-8 LC_CTYPE (what initdb,
/// the official images and hosted PostgreSQL use). A database created with LC_CTYPE=C folds only A–Z:
/// create it with a UTF-8 locale.</item>
/// <item>SQLite's built-in lower() folds only A–Z, and so do LIKE and NOCASE, which is why none of them
/// is used. The SQLite connection set-up (Data/SqlitePragmas.cs) replaces lower() on every SQLite connection with .NET's
/// invariant lowercase, the very function that folds the query text.</item>
/// </list>
/// No index helps lower(Name) LIKE 'p%'; the scan stays inside one workspace's rows (the query filter
/// leads with WorkspaceId). A trigram index is the upgrade path when directories grow large.
/// </summary>
public static class NameSearch
{
    /// <summary>The query text as lower(Name) must start with it: trimmed, NFC like stored names, lowercased.</summary>
    public static string? Key(string? q) =>
        string.IsNullOrWhiteSpace(q) ? null : q.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();
}
