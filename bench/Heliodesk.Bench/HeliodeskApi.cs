using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Heliodesk.Bench;

/// <summary>A fully read HTTP response: status (0 when no response arrived) and body bytes.</summary>
internal readonly record struct ApiResponse(int Status, byte[] Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public string Describe(int maxChars = 200)
    {
        var text = System.Text.Encoding.UTF8.GetString(Body);
        return $"HTTP {Status}: {(text.Length > maxChars ? text[..maxChars] + "..." : text)}";
    }
}

/// <summary>Thin wrapper over the one shared HttpClient; every request goes through here.</summary>
internal sealed class HeliodeskApi(HttpClient http) : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    public Uri BaseUrl => http.BaseAddress!;

    /// <summary>
    /// One client and one handler for the whole run so connections are pooled and reused,
    /// as a real API consumer would; otherwise we would benchmark TCP handshakes.
    /// </summary>
    public static HeliodeskApi Create(Uri baseUrl, int maxConcurrency)
    {
        var handler = new SocketsHttpHandler
        {
            // Never fewer sockets than in-flight requests, or the client queues and the
            // queueing shows up as server latency.
            MaxConnectionsPerServer = maxConcurrency + 4,
            PooledConnectionLifetime = TimeSpan.FromHours(1),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            // Loopback only: no proxy from the environment, and no redirect may take us elsewhere.
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        var client = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = baseUrl,
            // A stuck request must not hold a worker (and the run) forever.
            Timeout = TimeSpan.FromSeconds(30),
        };
        return new HeliodeskApi(client);
    }

    public Task<ApiResponse> GetAsync(string path, string? token, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, path, token, content: null, ct);

    public Task<ApiResponse> PostJsonAsync<T>(string path, T body, JsonTypeInfo<T> typeInfo, string? token, CancellationToken ct, string? idempotencyKey = null)
    {
        // Byte content (not JsonContent) so the request carries Content-Length instead of
        // being chunked, matching what typical clients send.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = JsonMediaType;
        return SendAsync(HttpMethod.Post, path, token, content, ct, idempotencyKey);
    }

    /// <summary>Polls GET /health until it answers 200, the process dies, or time runs out.</summary>
    public async Task<bool> WaitForHealthAsync(TimeSpan timeout, Func<bool> serverExited, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < timeout && !serverExited())
        {
            try
            {
                using var probe = CancellationTokenSource.CreateLinkedTokenSource(ct);
                probe.CancelAfter(TimeSpan.FromSeconds(2));
                var response = await GetAsync("health", token: null, probe.Token).ConfigureAwait(false);
                if (response.Status == 200)
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                // Not listening yet; keep polling.
            }
            await Task.Delay(200, ct).ConfigureAwait(false);
        }
        return false;
    }

    private async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? token, HttpContent? content, CancellationToken ct, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        // Read the whole body inside the timed region: latency means "until the client has the answer".
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        return new ApiResponse((int)response.StatusCode, body);
    }

    public void Dispose() => http.Dispose();
}
