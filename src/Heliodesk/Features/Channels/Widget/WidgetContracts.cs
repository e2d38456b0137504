using System.ComponentModel.DataAnnotations;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Features.Channels.Widget;

/// <summary>What the host page says about its signed-in user; believed only with a valid <see cref="Signature"/>.</summary>
public sealed record WidgetIdentity(
    [property: MaxLength(Limits.ShortText)] string? UserId,
    [property: MaxLength(Limits.Email)] string? Email,
    [property: MaxLength(Limits.Name)] string? Name,
    [property: MaxLength(Limits.ShortText)] string? Plan,
    [property: Range(0, 1_000_000_000)] decimal? Mrr,
    [property: MaxLength(Limits.Currency)] string? Currency,
    DateOnly? SignupDate,
    [property: MaxLength(128)] string? Signature);

public sealed record WidgetConfigResponse(
    bool ChatOnline, DateTimeOffset? BackAt, bool Suggestions, bool Callbacks, int MaxMessageLength, long MaxFileBytes, string Version);

public sealed record StartChatRequest(
    [property: Required, MaxLength(WidgetLimits.MessageLength)] string Message,
    [property: MaxLength(Limits.Name)] string? Name,
    [property: MaxLength(Limits.Email)] string? Email,
    [property: MaxLength(Limits.Language)] string? Language,
    [property: MaxLength(Limits.TimeZone)] string? TimeZone,
    WidgetIdentity? Identity);

/// <summary>A chat began (<see cref="Token"/> set), or nobody could chat and the message became a ticket answered by email.</summary>
public sealed record StartChatResponse(bool Live, string? Token, long TicketNumber, DateTimeOffset? BackAt, bool Verified);

public sealed record ChatMessageRequest([property: Required, MaxLength(WidgetLimits.MessageLength)] string Text);

public sealed record TypingRequest(bool Typing);

public sealed record WidgetFile(Guid Id, string FileName, long Size);

public sealed record WidgetMessage(Guid Id, bool FromVisitor, string Author, string Text, DateTimeOffset At, IReadOnlyList<WidgetFile> Files);

public sealed record TranscriptResponse(
    long TicketNumber, TicketStatus Status, IReadOnlyList<WidgetMessage> Messages, DateTimeOffset? AgentReadAt, bool AgentTyping);

/// <summary>The widget's contact form and callback request, as the help center's form reads them.</summary>
public sealed record WidgetRequestForm(
    [property: MaxLength(Limits.Name)] string? Name,
    [property: MaxLength(Limits.Email)] string? Email,
    [property: MaxLength(Limits.Subject)] string? Subject,
    [property: MaxLength(WidgetLimits.RequestLength)] string? Description,
    [property: MaxLength(Limits.ShortText)] string? Urgency,
    bool CallMe,
    [property: MaxLength(Limits.Phone)] string? Phone,
    [property: MaxLength(Limits.ShortText)] string? WindowStart,
    [property: MaxLength(Limits.ShortText)] string? WindowEnd,
    [property: MaxLength(Limits.TimeZone)] string? TimeZone,
    [property: MaxLength(Limits.Language)] string? Language,
    WidgetIdentity? Identity);

public sealed record WidgetRequestResponse(long TicketNumber);

public sealed record WidgetSettingsResponse(IReadOnlyList<string> AllowedOrigins, bool HasSecret, DateTimeOffset? SecretCreatedAt, string EmbedCode);

public sealed record UpdateWidgetSettingsRequest([property: Required, MaxLength(WidgetLimits.Origins)] List<string> AllowedOrigins);

public sealed record WidgetSecretResponse(string Secret, DateTimeOffset CreatedAt);

/// <summary>Bounds on what a visitor may send: a chat line is a line, not a document.</summary>
public static class WidgetLimits
{
    public const int MessageLength = 5_000;
    public const int RequestLength = 20_000;
    public const int Origins = 50;
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const int FilesPerChat = 20;
}
