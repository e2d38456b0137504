using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Heliodesk.Features.Channels.Webhooks;

/// <summary>
/// One signed POST to a receiver (an event subscription, an inbound channel's reply URL), through a
/// client whose handler carries the network guard. Reports what happened instead of throwing, so the
/// caller can log the attempt before deciding to retry.
/// </summary>
public static class SignedPost
{
    private const int MaxErrorLength = 800;

    public readonly record struct Outcome(int? Status, string? Error, int ElapsedMs)
    {
        public bool Succeeded => Status is >= 200 and < 300;
    }

    public static async Task<Outcome> SendAsync(HttpClient client, string url, string secret, string id, string payload, TimeProvider time, CancellationToken ct)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, id, timestamp, payload));
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var error = response.IsSuccessStatusCode ? null : Truncate(await response.Content.ReadAsStringAsync(ct));
            return new Outcome((int)response.StatusCode, error, (int)clock.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new Outcome(null, Truncate(e.Message), (int)clock.ElapsedMilliseconds);
        }
    }

    /// <summary>"https://x answered 503: receiver is down", for logs and retry reasons.</summary>
    public static string Describe(string url, Outcome outcome) =>
        $"{url} answered {(outcome.Status is { } code ? code.ToString(CultureInfo.InvariantCulture) : "nothing")}: {outcome.Error}";

    private static string? Truncate(string? text) =>
        string.IsNullOrEmpty(text) ? null : text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}
