using System.Net;
using Ganss.Xss;

namespace Heliodesk.Features.Tickets;

/// <summary>
/// A message's text in two forms: plain (search, previews, notifications) and HTML that is safe to
/// render in an agent's browser. Customer HTML is never trusted: it is sanitized here, once.
/// </summary>
public sealed record MessageBody(string Text, string Html)
{
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static MessageBody From(string? text, string? html)
    {
        if (!string.IsNullOrWhiteSpace(html))
        {
            var safe = Sanitizer.Sanitize(html);
            var plain = string.IsNullOrWhiteSpace(text) ? TextOf(safe) : text.Trim();
            return new MessageBody(plain, safe);
        }
        var trimmed = (text ?? "").Trim();
        return new MessageBody(trimmed, ParagraphsOf(trimmed));
    }

    private static string ParagraphsOf(string text) =>
        string.Concat(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n")
            .Select(p => $"<p>{WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal)}</p>"));

    private static string TextOf(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return (document.Body?.TextContent ?? "").Trim();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("cid");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Links in customer mail open outside Heliodesk and leak no referrer.
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
                link.SetAttribute("target", "_blank");
            }
        };
        return sanitizer;
    }
}
