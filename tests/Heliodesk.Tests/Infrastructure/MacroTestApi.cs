using System.Net;
using System.Net.Http.Json;
using Heliodesk.Common;
using Heliodesk.Features.Macros;
using Heliodesk.Features.Tickets.Merge;

namespace Heliodesk.Tests.Infrastructure;

/// <summary>Intent helpers for macros and merging tickets.</summary>
public static class MacroTestApi
{
    public static Task<HttpResponseMessage> PostMacroAsync(this HttpClient client, object macro) =>
        client.PostAsJsonAsync("/api/v1/macros", macro, TestApi.Json);

    public static async Task<MacroResponse> CreateMacroAsync(this HttpClient client, string name, string? text, object? actions = null, bool shared = true, string language = "en")
    {
        var bodies = text is null ? Array.Empty<object>() : [new { language, text }];
        return await (await client.PostMacroAsync(new { name, shared, bodies, actions })).ReadAsync<MacroResponse>(HttpStatusCode.Created);
    }

    public static async Task<List<MacroResponse>> ListMacrosAsync(this HttpClient client) =>
        await (await client.GetAsync("/api/v1/macros")).ReadAsync<List<MacroResponse>>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> PostApplyMacroAsync(this HttpClient client, Guid ticketId, Guid macroId, int? ifMatch = null, object? body = null) =>
        client.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/tickets/{ticketId}/macros/{macroId}/apply", body ?? new { }, ifMatch));

    public static async Task<AppliedMacro> ApplyMacroAsync(this HttpClient client, Guid ticketId, Guid macroId, int? ifMatch = null, object? body = null) =>
        await (await client.PostApplyMacroAsync(ticketId, macroId, ifMatch, body)).ReadAsync<AppliedMacro>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> PostMergeAsync(this HttpClient client, Guid sourceId, Guid intoId, int? ifMatch = null, int? intoVersion = null) =>
        client.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/tickets/{sourceId}/merge", new { intoTicketId = intoId, intoVersion }, ifMatch));

    public static async Task<MergedTickets> MergeAsync(this HttpClient client, Guid sourceId, Guid intoId) =>
        await (await client.PostMergeAsync(sourceId, intoId)).ReadAsync<MergedTickets>(HttpStatusCode.OK);

    private static HttpRequestMessage WithIfMatch(HttpMethod method, string url, object body, int? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: TestApi.Json) };
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", Versions.ETag(version));
        }
        return request;
    }
}
