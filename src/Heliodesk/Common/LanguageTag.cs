using System.Text.RegularExpressions;

namespace Heliodesk.Common;

/// <summary>BCP 47 language tags in their canonical casing: "zh-Hans", "sr-Cyrl-RS", "es-419".</summary>
public static partial class LanguageTag
{
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > Limits.Language || !Shape().IsMatch(raw.Trim()))
        {
            return null;
        }
        var parts = raw.Trim().Replace('_', '-').Split('-');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = (i, parts[i].Length) switch
            {
                (0, _) => parts[i].ToLowerInvariant(),
                (_, 4) => char.ToUpperInvariant(parts[i][0]) + parts[i][1..].ToLowerInvariant(),
                (_, 2) => parts[i].ToUpperInvariant(),
                _ => parts[i].ToLowerInvariant(),
            };
        }
        return string.Join('-', parts);
    }

    /// <summary>The primary language: "zh" for "zh-Hans-CN". Routing matches agents on this.</summary>
    public static string Primary(string tag) => tag.Split('-')[0];

    [GeneratedRegex(@"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")]
    private static partial Regex Shape();
}
