using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;

namespace Heliodesk.Features.Channels.Webhooks;

public sealed record CreateWebhookRequest(
    [property: Required, MaxLength(Limits.Name)] string Name,
    [property: Required, MaxLength(Limits.Url)] string Url,
    [property: Required, MaxLength(8)] List<string> Events);

/// <summary>Only the fields present change; "active": true turns a subscription back on.</summary>
public sealed record UpdateWebhookRequest
{
    [MaxLength(Limits.Name), MinLength(1)]
    public string? Name { get; init; }

    [MaxLength(Limits.Url)]
    public string? Url { get; init; }

    [MaxLength(8)]
    public List<string>? Events { get; init; }

    public bool? Active { get; init; }
}

public sealed record WebhookResponse(
    Guid Id, string Name, string Url, IReadOnlyList<string> Events, bool Active, string? DisabledReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static WebhookResponse Of(WebhookSubscription s) => new(s.Id, s.Name, s.Url, s.Events, s.IsActive, s.DisabledReason, s.CreatedAt, s.UpdatedAt);
}

/// <summary>The signing secret is shown here, once; Heliodesk keeps it only encrypted.</summary>
public sealed record CreatedWebhook(WebhookResponse Webhook, string Secret);

public sealed record WebhookSecretResponse(string Secret);

public sealed record DeliveryResponse(
    Guid Id, Guid EventId, string EventType, DeliveryStatus Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError, int? LastDurationMs, DateTimeOffset? DeliveredAt)
{
    public static DeliveryResponse Of(WebhookDelivery d) => new(
        d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.CreatedAt, d.LastAttemptAt, d.LastStatusCode, d.LastError, d.LastDurationMs, d.DeliveredAt);
}

public sealed record DeliveryPage(IReadOnlyList<DeliveryResponse> Items, string? NextCursor);

internal static class WebhookRules
{
    public static List<string> Events(IEnumerable<string> raw)
    {
        var events = raw.Select(e => e.Trim().ToLowerInvariant()).Distinct().ToList();
        if (events.Count == 0)
        {
            throw new DomainRuleException("events", $"Subscribe to at least one of: {string.Join(", ", WebhookEvents.All)}.");
        }
        return events.FirstOrDefault(e => !WebhookEvents.All.Contains(e)) is { } unknown
            ? throw new DomainRuleException("events", $"'{unknown}' is not an event; use: {string.Join(", ", WebhookEvents.All)}.")
            : events;
    }

    public static string Url(string raw, WebhookOptions options)
    {
        if (!Uri.TryCreate(raw.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new DomainRuleException("url", "Use an absolute https URL, like https://example.com/hooks/heliodesk.");
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !options.AllowPrivateNetworks)
        {
            throw new DomainRuleException("url", "Webhooks are delivered over https only.");
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new DomainRuleException("url", "Put no credentials in the URL; check the signature header instead.");
        }
        if (!options.AllowPrivateNetworks && System.Net.IPAddress.TryParse(uri.DnsSafeHost, out var ip) && !WebhookNetwork.IsPublic(ip))
        {
            throw new DomainRuleException("url", "Webhooks may not reach loopback or private network addresses.");
        }
        return uri.AbsoluteUri;
    }
}
