using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.HelpCenter;
using Heliodesk.Features.Routing;
using Heliodesk.Features.Tickets;
using Heliodesk.Features.Tickets.Live;
using Heliodesk.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Channels.Widget;

/// <summary>
/// What the widget script calls, under /widget/v1/{workspaceId}: the origin check runs first (WidgetOrigins),
/// writes run in one transaction, and a chat's own endpoints answer only to its session token.
/// </summary>
public static class WidgetApi
{
    public static void MapWidgetVisitorApi(this RouteGroupBuilder widget)
    {
        widget.MapGet("/config", Config);
        widget.MapPost("/chats", StartChat).WithWriteTransaction().RequireRateLimiting(WidgetFeature.StartsLimit);
        widget.MapPost("/requests", SubmitRequest).WithWriteTransaction().RequireRateLimiting(WidgetFeature.StartsLimit);
        widget.MapGet("/chat", Transcript);
        widget.MapGet("/chat/stream", WidgetStream.StreamAsync);
        widget.MapPost("/chat/messages", SendMessage).WithWriteTransaction().RequireRateLimiting(WidgetFeature.ChatLimit)
            .WithMetadata(new RequestSizeLimitAttribute(WidgetFeature.MaxMessageBodyBytes));
        widget.MapPost("/chat/typing", Typing).RequireRateLimiting(WidgetFeature.ChatLimit);
        widget.MapPost("/chat/read", Read).WithWriteTransaction().RequireRateLimiting(WidgetFeature.ChatLimit);
        widget.MapGet("/chat/files/{fileId:guid}", DownloadFile);
    }

    public static async Task<Ok<WidgetConfigResponse>> Config(string? language, WidgetAvailability availability, CancellationToken ct)
    {
        var team = await availability.ForChatAsync(LanguageTag.Normalize(language), ct);
        // No knowledge base exists yet, so there is nothing honest to suggest: the widget shows no search box.
        return TypedResults.Ok(new WidgetConfigResponse(team.Online, team.BackAt, Suggestions: false, Callbacks: true,
            WidgetLimits.MessageLength, WidgetLimits.MaxFileBytes, WidgetScript.Version));
    }

    public static async Task<Ok<StartChatResponse>> StartChat(
        StartChatRequest request, WidgetVisitors visitors, WidgetAvailability availability, RouterWorker router, CancellationToken ct)
    {
        var language = LanguageTag.Normalize(request.Language);
        var visitor = await visitors.IdentifyAsync(request.Identity, request.Name, request.Email, language, CustomerFields.TimeZone(request.TimeZone), ct);
        var team = await availability.ForChatAsync(language, ct);
        // Nobody qualified on shift: the message is an ordinary widget ticket, answered by email.
        var (token, ticket) = await visitors.StartAsync(visitor, request.Message, language, team.Online ? Channel.Chat : Channel.Widget, ct);
        router.Nudge();
        return TypedResults.Ok(new StartChatResponse(team.Online, team.Online ? token : null, ticket.Number, team.BackAt, visitor.Verified));
    }

    /// <summary>The contact form and the callback request: the help center's form rules and intake, channel widget.</summary>
    public static async Task<Results<Ok<WidgetRequestResponse>, ValidationProblem>> SubmitRequest(
        WidgetRequestForm request, WidgetVisitors visitors, HelpCenterRequests requests, IStringLocalizer<HelpCenterText> text, RouterWorker router, CancellationToken ct)
    {
        var language = LanguageTag.Normalize(request.Language);
        var form = new RequestForm
        {
            Name = request.Name?.Trim() ?? "",
            Email = request.Email?.Trim() ?? "",
            Subject = request.Subject?.Trim() ?? "",
            Description = request.Description?.Trim() ?? "",
            Urgency = request.Urgency ?? "normal",
            CallMe = request.CallMe,
            Phone = request.Phone?.Trim() ?? "",
            WindowStart = request.WindowStart ?? "",
            WindowEnd = request.WindowEnd ?? "",
            TimeZone = request.TimeZone ?? "",
        };
        if (request.Identity is not null)
        {
            // A verified user is known already: their contact (with its attributes) is the requester.
            var visitor = await visitors.IdentifyAsync(request.Identity, form.Name, form.Email, language, null, ct);
            (form.Name, form.Email) = (visitor.Contact.Name, visitor.Contact.PrimaryEmail ?? form.Email);
        }
        if (form.Validate(text) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }
        var ticket = await requests.SubmitAsync(form, [], language, ct, Channel.Widget);
        router.Nudge();
        return TypedResults.Ok(new WidgetRequestResponse(ticket.Number));
    }

    public static async Task<Results<Ok<TranscriptResponse>, NotFound>> Transcript(
        HttpRequest http, WidgetVisitors visitors, TicketPresence presence, CancellationToken ct)
    {
        if (await visitors.ChatAsync(http, ct) is not { } chat)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await visitors.TranscriptAsync(chat, presence.ViewersOf(chat.TicketId).Any(v => v.IsTyping), ct));
    }

    /// <summary>A visitor's line (multipart: text and up to three files), through the help center's reply path with channel chat.</summary>
    public static async Task<Results<Ok<TranscriptResponse>, NotFound, ValidationProblem>> SendMessage(
        HttpRequest http, WidgetVisitors visitors, HelpCenterRequests requests, HeliodeskDb db, TicketPresence presence, WidgetLive live,
        IOptions<HeliodeskOptions> options, CancellationToken ct)
    {
        if (await visitors.ChatAsync(http, ct) is not { } chat)
        {
            return TypedResults.NotFound();
        }
        var form = http.HasFormContentType ? await http.ReadFormAsync(ct) : null;
        var text = form?["text"].ToString().Trim() ?? "";
        var files = form?.Files.ToList() ?? [];
        var maxFile = Math.Min(WidgetLimits.MaxFileBytes, options.Value.MaxAttachmentBytes);
        if (files.Count > WidgetFeature.FilesPerMessage || files.Any(f => f.Length > maxFile))
        {
            return TypedResults.ValidationProblem(ProblemHandling.Field("files", $"Send up to {WidgetFeature.FilesPerMessage} files of at most {maxFile / (1024 * 1024)} MB each."));
        }
        if (text.Length > WidgetLimits.MessageLength || (text.Length == 0 && files.Count == 0))
        {
            return TypedResults.ValidationProblem(ProblemHandling.Field("text", $"Write a message of 1 to {WidgetLimits.MessageLength} characters."));
        }
        var body = text.Length > 0 ? text : string.Join(", ", files.Select(f => AttachmentApi.SafeFileName(f.FileName)));
        var number = await db.Tickets.Where(t => t.Id == chat.TicketId).Select(t => t.Number).FirstAsync(ct);
        var landed = await requests.ReplyAsync(new CustomerIdentity(chat.WorkspaceId, chat.ContactId), number, body, files, ct, Channel.Chat);
        // A closed chat's next line opens a follow-up ticket: the chat goes on there.
        chat.TicketId = await db.Tickets.Where(t => t.Number == landed).Select(t => t.Id).FirstAsync(ct);
        await db.SaveChangesAsync(ct);
        live.VisitorTyping(chat.TicketId, false);
        return TypedResults.Ok(await visitors.TranscriptAsync(chat, presence.ViewersOf(chat.TicketId).Any(v => v.IsTyping), ct));
    }

    public static async Task<Results<NoContent, NotFound>> Typing(TypingRequest request, HttpRequest http, WidgetVisitors visitors, WidgetLive live, CancellationToken ct)
    {
        if (await visitors.ChatAsync(http, ct) is not { } chat)
        {
            return TypedResults.NotFound();
        }
        live.VisitorTyping(chat.TicketId, request.Typing);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, NotFound>> Read(HttpRequest http, WidgetVisitors visitors, WidgetLive live, TimeProvider time, CancellationToken ct)
    {
        if (await visitors.ChatAsync(http, ct) is not { } chat)
        {
            return TypedResults.NotFound();
        }
        chat.VisitorReadAt = time.GetUtcNow();
        http.HttpContext.Response.OnCompleted(() =>
        {
            live.Notify(chat.TicketId);
            return Task.CompletedTask;
        });
        return TypedResults.NoContent();
    }

    public static async Task<Results<FileStreamHttpResult, NotFound>> DownloadFile(
        Guid fileId, HttpRequest http, WidgetVisitors visitors, IOptions<HeliodeskOptions> options, CancellationToken ct)
    {
        var chat = await visitors.ChatAsync(http, ct);
        var file = chat is null ? null : await visitors.FileAsync(chat, fileId, ct);
        var path = file is null ? null : options.Value.DataPath(file.StoragePath);
        if (path is null || !File.Exists(path))
        {
            return TypedResults.NotFound();
        }
        http.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        http.HttpContext.Response.Headers.ContentSecurityPolicy = "sandbox";
        return TypedResults.File(File.OpenRead(path), file!.ContentType, file.FileName);
    }
}
