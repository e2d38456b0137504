using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Heliodesk.Common;
using Heliodesk.Features.Tickets;
using Heliodesk.Features.Workspaces;

namespace Heliodesk.BrowserTests.Infrastructure;

/// <summary>A workspace for one test: its owner's sign-in and an API client to set the scene with.</summary>
public sealed record BrowserWorkspace(Guid Id, string OwnerEmail, string OwnerPassword, Guid OwnerAgentId, HttpClient Api);

/// <summary>Sets up what a test needs through the public API, the way an integration would.</summary>
public static class Seed
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    public static async Task<BrowserWorkspace> WorkspaceAsync(this BrowserApp app)
    {
        using var admin = app.ApiClient(BrowserApp.BootstrapToken);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var email = $"owner-{suffix}@browser.test";
        var response = await admin.PostAsJsonAsync("/api/v1/workspaces",
            new { name = "Browser " + suffix, ownerEmail = email, ownerName = "Olivia Owner" }, Json);
        var created = await ReadAsync<CreatedWorkspace>(response, HttpStatusCode.Created);
        return new BrowserWorkspace(created.Id, email, created.OwnerPassword!, created.OwnerAgentId, app.ApiClient(created.OwnerToken));
    }

    public static async Task<TicketResponse> TicketAsync(this BrowserWorkspace workspace, string subject,
        string body = "The export button does nothing.", string requesterEmail = "ana@example.com", string requesterName = "Ana Customer",
        string urgency = "normal")
    {
        var response = await workspace.Api.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject,
            body,
            urgency,
            requester = new { email = requesterEmail, name = requesterName },
        }, Json);
        return await ReadAsync<TicketResponse>(response, HttpStatusCode.Created);
    }

    /// <summary>Invites a colleague and returns their email and temporary password.</summary>
    public static async Task<(string Email, string Password)> ColleagueAsync(this BrowserWorkspace workspace, string name)
    {
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@browser.test";
        var response = await workspace.Api.PostAsJsonAsync("/api/v1/agents", new { email, name, role = "agent" }, Json);
        var invited = await ReadAsync<JsonElement>(response, HttpStatusCode.Created);
        return (email, invited.GetProperty("temporaryPassword").GetString()!);
    }

    public static async Task AgentRepliesAsync(this BrowserWorkspace workspace, Guid ticketId, string body)
    {
        var response = await workspace.Api.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/messages", new { body, kind = "reply" }, Json);
        await ReadAsync<JsonElement>(response, HttpStatusCode.Created);
    }

    public static async Task CustomerWritesAsync(this BrowserWorkspace workspace, Guid ticketId, string body)
    {
        var response = await workspace.Api.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/messages", new { body, from = "requester" }, Json);
        await ReadAsync<JsonElement>(response, HttpStatusCode.Created);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Apply(options);
        return options;
    }
}
