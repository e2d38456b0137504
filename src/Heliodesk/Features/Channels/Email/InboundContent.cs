using System.Net;
using System.Security.Cryptography;
using Heliodesk.Features.Tickets;
using Heliodesk.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Heliodesk.Features.Channels.Email;

/// <summary>
/// Turns a MIME message into what a ticket message holds: the new part of the text (quoted history
/// folded below it), sanitized HTML with inline images pointing at their stored copies, and every
/// attachment stored like an upload. MimeKit decodes the charsets (code pages registered at start).
/// </summary>
public sealed class InboundContent(IOptions<HeliodeskOptions> options, TimeProvider time)
{
    public sealed record Stored(MessageBody Body, List<Attachment> Attachments, bool Truncated);

    public async Task<Stored> ReadAsync(MimeMessage message, Guid workspaceId, CancellationToken ct)
    {
        var attachments = new List<Attachment>();
        var html = message.HtmlBody;
        var truncated = false;
        foreach (var part in message.BodyParts)
        {
            var isBody = part is TextPart text && (ReferenceEquals(text, message.Body) || (text.ContentDisposition?.Disposition != ContentDisposition.Attachment
                && (text.IsPlain || text.IsHtml) && text.FileName is null));
            if (isBody)
            {
                continue;
            }
            if (attachments.Count >= Limits.AttachmentsPerMessage)
            {
                truncated = true;
                break;
            }
            var stored = await StoreAsync(part, workspaceId, ct);
            attachments.Add(stored);
            if (html is not null && part.ContentId is { } cid)
            {
                html = html.Replace($"cid:{cid}", $"/api/v1/attachments/{stored.Id}", StringComparison.OrdinalIgnoreCase);
            }
        }
        return new Stored(Body(message.TextBody, html, ref truncated), attachments, truncated);
    }

    private static MessageBody Body(string? text, string? html, ref bool truncated)
    {
        if (!string.IsNullOrWhiteSpace(html))
        {
            var (fresh, quoted) = ReplyText.SplitHtml(html);
            var freshText = text is null ? null : ReplyText.SplitText(text).New;
            if (string.IsNullOrWhiteSpace(Sanitized(fresh).Text))
            {
                (fresh, quoted, freshText) = (html, "", text);
            }
            var combined = quoted.Length == 0 ? fresh : $"{fresh}<details><summary>…</summary>{quoted}</details>";
            var body = MessageBody.From(Bound(freshText, Limits.MessageText, ref truncated), combined);
            return body.Html.Length <= Limits.MessageHtml ? body : MessageBody.From(body.Text, Bound(Sanitized(fresh).Html, Limits.MessageHtml, ref truncated));
        }
        var (newText, quotedText) = ReplyText.SplitText(text ?? "");
        if (newText.Length == 0)
        {
            (newText, quotedText) = ((text ?? "").Trim(), "");
        }
        newText = Bound(newText, Limits.MessageText, ref truncated);
        var paragraphs = MessageBody.From(newText, null);
        if (quotedText.Length == 0)
        {
            return paragraphs;
        }
        var folded = $"{paragraphs.Html}<details><summary>…</summary><pre>{WebUtility.HtmlEncode(quotedText)}</pre></details>";
        return folded.Length <= Limits.MessageHtml ? MessageBody.From(newText, folded) : paragraphs;
    }

    private static MessageBody Sanitized(string html) => MessageBody.From(null, html);

    private static string? Bound(string? text, int limit, ref bool truncated)
    {
        if (text is null || text.Length <= limit)
        {
            return text;
        }
        truncated = true;
        return text[..(limit - 200)] + "\n\n[Shortened: the whole message is in the original mail.]";
    }

    private async Task<Attachment> StoreAsync(MimeEntity part, Guid workspaceId, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var relative = Path.Combine("files", workspaceId.ToString("N"), id.ToString("N"));
        var path = options.Value.DataPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        long size;
        string sha;
        await using (var file = File.Create(path))
        {
            if (part is MimePart { Content: { } mimeContent })
            {
                await mimeContent.DecodeToAsync(file, ct);
            }
            else if (part is MessagePart { Message: { } attached })
            {
                await attached.WriteToAsync(file, ct);
            }
            size = file.Length;
        }
        await using (var read = File.OpenRead(path))
        {
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
        }
        var name = part.ContentDisposition?.FileName ?? part.ContentType.Name
            ?? (part is MessagePart ? "message.eml" : $"part-{id.ToString("N")[..8]}{Extension(part.ContentType)}");
        return new Attachment
        {
            Id = id,
            WorkspaceId = workspaceId,
            FileName = AttachmentApi.SafeFileName(name),
            ContentType = part.ContentType.MimeType.Length <= Limits.ShortText ? part.ContentType.MimeType : "application/octet-stream",
            Size = size,
            Sha256 = sha,
            StoragePath = relative,
            UploadedByKind = ActorKind.Contact,
            CreatedAt = time.GetUtcNow(),
        };
    }

    private static string Extension(ContentType type) =>
        MimeTypes.TryGetExtension(type.MimeType, out var extension) ? extension : "";
}
