using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Heliodesk.Common;
using Heliodesk.Features.Tickets;
using Heliodesk.Features.Workspaces;

namespace Heliodesk.Tests.Infrastructure;

/// <summary>A workspace created for one test, with its owner's client.</summary>
public sealed record TestWorkspace(Guid Id, string Name, Guid OwnerAgentId, string OwnerToken, HttpClient Owner);

/// <summary>Intent helpers: tests say what a user does, these say how it is done over HTTP.</summary>
public static class TestApi
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    public static async Task<TestWorkspace> CreateWorkspaceAsync(this HeliodeskApplication app, string? name = null)
    {
        using var admin = app.ClientWithToken(HeliodeskApplication.BootstrapToken);
        name ??= "Workspace " + Guid.NewGuid().ToString("N")[..8];
        var response = await admin.PostAsJsonAsync("/api/v1/workspaces", new { name }, Json);
        var created = await response.ReadAsync<CreatedWorkspace>(HttpStatusCode.Created);
        return new TestWorkspace(created.Id, created.Name, created.OwnerAgentId, created.OwnerToken, app.ClientWithToken(created.OwnerToken));
    }

    public static async Task<TicketResponse> CreateTicketAsync(
        this HttpClient client, string subject = "Cannot export my invoices", string body = "The export button does nothing.",
        string requesterEmail = "ana@example.com", object? extra = null)
    {
        var request = new Dictionary<string, object?>
        {
            ["subject"] = subject,
            ["body"] = body,
            ["requester"] = new { email = requesterEmail, name = "Ana Customer" },
        };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            request[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = property.GetValue(extra);
        }
        var response = await client.PostAsJsonAsync("/api/v1/tickets", request, Json);
        return await response.ReadAsync<TicketResponse>(HttpStatusCode.Created);
    }

    public static async Task<TicketResponse> GetTicketAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/tickets/{id}")).ReadAsync<TicketResponse>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> PatchTicketAsync(this HttpClient client, Guid id, object changes, int? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/tickets/{id}") { Content = JsonContent.Create(changes, options: Json) };
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", Versions.ETag(version));
        }
        return client.SendAsync(request);
    }

    public static async Task<PostedMessage> ReplyAsync(this HttpClient client, Guid ticketId, string body = "Thanks, looking into it.", object? extra = null)
    {
        var request = new Dictionary<string, object?> { ["body"] = body, ["kind"] = "reply" };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            request[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = property.GetValue(extra);
        }
        var response = await client.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/messages", request, Json);
        return await response.ReadAsync<PostedMessage>(HttpStatusCode.Created);
    }

    public static Task<PostedMessage> NoteAsync(this HttpClient client, Guid ticketId, string body) =>
        client.ReplyAsync(ticketId, body, new { kind = "note" });

    public static Task<PostedMessage> CustomerWritesAsync(this HttpClient client, Guid ticketId, string body) =>
        client.ReplyAsync(ticketId, body, new { from = "requester" });

    public static async Task<List<TicketEventResponse>> EventsAsync(this HttpClient client, Guid ticketId) =>
        (await (await client.GetAsync($"/api/v1/tickets/{ticketId}/events")).ReadAsync<TicketEventPage>(HttpStatusCode.OK)).Items.ToList();

    /// <summary>Asserts the status and reads the body as <typeparamref name="T"/>, or as its raw text with <paramref name="raw"/>.</summary>
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected, bool raw = false)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
        return raw ? (T)(object)body : JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>Asserts a 400 problem whose errors name <paramref name="field"/>.</summary>
    public static async Task AssertFieldErrorAsync(this HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"Expected an error for '{field}' in {body}");
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Apply(options);
        return options;
    }
}
