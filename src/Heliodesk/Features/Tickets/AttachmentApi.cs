using System.Security.Cryptography;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Tickets;

/// <summary>Uploads (multipart, one file each) stored under the data directory; referenced by messages.</summary>
public static class AttachmentApi
{
    public static RouteGroupBuilder MapAttachmentApi(this RouteGroupBuilder api)
    {
        var attachments = api.MapGroup("/attachments").WithTags("Attachments").RequireAuthorization(Policies.Agent);
        attachments.MapPost("/", UploadAttachment).DisableAntiforgery().WithOwnBodySizeLimit().WithName(nameof(UploadAttachment));
        attachments.MapGet("/{id:guid}", DownloadAttachment).WithName(nameof(DownloadAttachment));
        return api;
    }

    public static async Task<Results<Created<AttachmentResponse>, ValidationProblem>> UploadAttachment(
        HttpContext http, Caller caller, HeliodeskDb db, IOptions<HeliodeskOptions> options, TimeProvider time, CancellationToken ct)
    {
        var max = options.Value.MaxAttachmentBytes;
        // The whole request may be one file plus multipart framing; refuse anything larger before reading it.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + 64 * 1024;
        }
        if (http.Request.ContentLength > max + 64 * 1024)
        {
            return TypedResults.ValidationProblem(ProblemHandling.Field("file", $"Files can be at most {max / (1024 * 1024)} MB."));
        }
        if (!http.Request.HasFormContentType)
        {
            return TypedResults.ValidationProblem(ProblemHandling.Field("file", "Send the file as multipart/form-data in a field named 'file'."));
        }
        var form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = max + 64 * 1024 }, ct);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return TypedResults.ValidationProblem(ProblemHandling.Field("file", "Attach a non-empty file in a field named 'file'."));
        }
        if (file.Length > max)
        {
            return TypedResults.ValidationProblem(ProblemHandling.Field("file", $"Files can be at most {max / (1024 * 1024)} MB."));
        }

        await using var content = file.OpenReadStream();
        var attachment = await StoreUploadAsync(db, options.Value, caller, file.FileName, file.ContentType, file.Length, content, time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/attachments/{attachment.Id}",
            new AttachmentResponse(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size, $"/api/v1/attachments/{attachment.Id}"));
    }

    public static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAttachment(
        Guid id, Caller caller, HeliodeskDb db, IOptions<HeliodeskOptions> options, HttpResponse response, CancellationToken ct)
    {
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        var visible = attachment is not null && (attachment.TicketId is not { } ticketId
            ? attachment.UploadedById == caller.AgentId
            : await db.Tickets.VisibleTo(db, caller).AnyAsync(t => t.Id == ticketId, ct));
        var path = attachment is null ? null : options.Value.DataPath(attachment.StoragePath);
        if (!visible || path is null || !File.Exists(path))
        {
            return TypedResults.NotFound();
        }
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox";
        return TypedResults.File(File.OpenRead(path), attachment!.ContentType, attachment.FileName);
    }

    /// <summary>
    /// Stores an agent's upload (bytes on disk, row staged in <paramref name="db"/>, not yet attached to a message):
    /// the API's multipart upload and the composer's file picker both come through here. Callers bound the size.
    /// </summary>
    internal static async Task<Attachment> StoreUploadAsync(
        HeliodeskDb db, HeliodeskOptions options, Caller caller, string fileName, string? contentType, long size, Stream content, DateTimeOffset now, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var relative = Path.Combine("files", caller.WorkspaceId.ToString("N"), id.ToString("N"));
        var sha = await StoreAsync(content, options.DataPath(relative), ct);
        var attachment = new Attachment
        {
            Id = id,
            WorkspaceId = caller.WorkspaceId,
            FileName = SafeFileName(fileName),
            ContentType = SafeContentType(contentType),
            Size = size,
            Sha256 = sha,
            StoragePath = relative,
            UploadedByKind = ActorKind.Agent,
            UploadedById = caller.AgentId,
            CreatedAt = now,
        };
        db.Attachments.Add(attachment);
        return attachment;
    }

    internal static async Task<string> StoreAsync(IFormFile file, string path, CancellationToken ct)
    {
        await using var source = file.OpenReadStream();
        return await StoreAsync(source, path, ct);
    }

    internal static async Task<string> StoreAsync(Stream source, string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var target = File.Create(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    internal static string SafeFileName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var cleaned = new string(file.Where(c => !char.IsControl(c) && !Path.GetInvalidFileNameChars().Contains(c)).ToArray()).Trim();
        return cleaned.Length == 0 ? "file" : cleaned[..Math.Min(cleaned.Length, Limits.FileName)];
    }

    internal static string SafeContentType(string? type) =>
        type is { Length: > 0 and <= Limits.ShortText } && type.Contains('/', StringComparison.Ordinal) ? type : "application/octet-stream";
}
