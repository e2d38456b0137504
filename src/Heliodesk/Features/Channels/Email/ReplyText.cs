using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Heliodesk.Features.Channels.Email;

/// <summary>
/// Splits a reply into what the customer just wrote and what they quoted (earlier mail, the
/// signature). The quoted part is folded, not dropped: agents can unfold it, and the raw mail is kept.
/// </summary>
public static partial class ReplyText
{
    /// <summary>Plain text: everything from the first attribution line, quote block or signature delimiter on.</summary>
    public static (string New, string Quoted) SplitText(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            // Clients wrap long attribution lines, so "On …" may end on the next line.
            var quoteStarts = line == "-- " || line.StartsWith('>') || Attribution().IsMatch(line) || OriginalMessage().IsMatch(line)
                || (i + 1 < lines.Length && Attribution().IsMatch(line + " " + lines[i + 1]));
            if (quoteStarts && i > 0)
            {
                return (string.Join('\n', lines[..i]).Trim(), string.Join('\n', lines[i..]).Trim());
            }
        }
        return (text.Trim(), "");
    }

    /// <summary>HTML: removes the quote containers mail clients use and returns them separately.</summary>
    public static (string New, string Quoted) SplitHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var body = document.Body;
        if (body is null)
        {
            return (html, "");
        }
        var quoted = new StringBuilder();
        foreach (var selector in QuoteSelectors)
        {
            foreach (var element in body.QuerySelectorAll(selector).ToList())
            {
                if (element.Parent is null || !body.Contains(element))
                {
                    continue;
                }
                // Outlook puts the attribution in a div and the quoted mail in its following siblings.
                if (selector is "#divRplyFwdMsg" or "#appendonsend")
                {
                    while (element.NextSibling is { } next)
                    {
                        quoted.Append((next as AngleSharp.Dom.IElement)?.OuterHtml ?? next.TextContent);
                        element.Parent!.RemoveChild(next);
                    }
                }
                quoted.Insert(0, element.OuterHtml);
                element.Remove();
            }
        }
        return (body.InnerHtml.Trim(), quoted.ToString());
    }

    private static readonly string[] QuoteSelectors =
    [
        "div.gmail_quote", "blockquote[type=cite]", "div.moz-cite-prefix", "#divRplyFwdMsg", "#appendonsend",
        "div.gmail_signature", "[data-smartmail=gmail_signature]", "div.yahoo_quoted", "blockquote",
    ];

    // "On Mon, 2 Nov 2026 at 09:00, Ana <ana@example.com> wrote:", "El lun, 2 nov 2026, Ana escribió:", "Le … a écrit :", "Am … schrieb …:"
    [GeneratedRegex(@"^\s*(On|El|Le|Am|Il|Op|Em|W dniu)\s.+(wrote|escribió|a écrit|schrieb|ha scritto|schreef|escreveu|napisał)\s?:\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^\s*(-{3,}\s*(Original Message|Mensaje original|Message d'origine|Ursprüngliche Nachricht)\s*-{3,}|_{10,}|From:\s.+@.+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();
}
