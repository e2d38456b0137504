using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Heliodesk.Features.Agents;

namespace Heliodesk.Tests.Infrastructure;

/// <summary>An agent invited for a test, with an API token acting as them and a client that uses it.</summary>
public sealed record TestAgent(AgentResponse Agent, string? TemporaryPassword, string Token, HttpClient Client)
{
    public Guid Id => Agent.Id;
}

/// <summary>Intent helpers for people, teams and tokens.</summary>
public static class AgentTestApi
{
    public static string NewEmail(string who = "agent") => $"{who}-{Guid.NewGuid():N}@example.com";

    /// <summary>Invites an agent with <paramref name="role"/> (extra fields override the defaults) and mints a token acting as them.</summary>
    public static async Task<TestAgent> InviteAgentAsync(
        this HeliodeskApplication app, TestWorkspace ws, AgentRole role = AgentRole.Agent, string? email = null, object? extra = null)
    {
        var response = await ws.Owner.InviteAsync(new { email = email ?? NewEmail(role.ToString().ToLowerInvariant()), name = $"Test {role}", role }, extra);
        var invited = await response.ReadAsync<InvitedAgent>(HttpStatusCode.Created);
        var token = await ws.Owner.CreateApiTokenAsync(invited.Agent.Id);
        return new TestAgent(invited.Agent, invited.TemporaryPassword, token.Token, app.ClientWithToken(token.Token));
    }

    public static Task<HttpResponseMessage> InviteAsync(this HttpClient client, object body, object? extra = null) =>
        client.PostAsJsonAsync("/api/v1/agents", Merge(body, extra), TestApi.Json);

    public static async Task<CreatedApiToken> CreateApiTokenAsync(this HttpClient admin, Guid? agentId = null, string name = "Test token") =>
        await (await admin.PostAsJsonAsync("/api/v1/api-tokens", new { name, agentId }, TestApi.Json)).ReadAsync<CreatedApiToken>(HttpStatusCode.Created);

    public static async Task<List<AgentResponse>> ListAgentsAsync(this HttpClient client, string query = "") =>
        (await (await client.GetAsync($"/api/v1/agents{query}")).ReadAsync<AgentPage>(HttpStatusCode.OK)).Items.ToList();

    public static async Task<AgentResponse> GetAgentAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/agents/{id}")).ReadAsync<AgentResponse>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> PatchAgentAsync(this HttpClient client, Guid id, object changes) =>
        client.PatchAsJsonAsync($"/api/v1/agents/{id}", changes, TestApi.Json);

    public static Task<HttpResponseMessage> DeactivateAsync(this HttpClient client, Guid agentId) =>
        client.PostAsync($"/api/v1/agents/{agentId}/deactivate", null);

    public static Task<HttpResponseMessage> ReactivateAsync(this HttpClient client, Guid agentId) =>
        client.PostAsync($"/api/v1/agents/{agentId}/reactivate", null);

    public static async Task<TeamResponse> CreateTeamAsync(this HttpClient admin, string? name = null) =>
        await (await admin.PostAsJsonAsync("/api/v1/teams", new { name = name ?? "Team " + Guid.NewGuid().ToString("N")[..8] }, TestApi.Json))
            .ReadAsync<TeamResponse>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> SetTeamMembersAsync(this HttpClient client, Guid teamId, params Guid[] agentIds) =>
        client.PutAsJsonAsync($"/api/v1/teams/{teamId}/members", new { agentIds }, TestApi.Json);

    /// <summary>Signs in like a browser does; the returned client carries the session cookie.</summary>
    public static async Task<HttpClient> SignInAsync(this HeliodeskApplication app, string email, string password, Guid? workspaceId = null)
    {
        var browser = app.BrowserClient();
        var response = await browser.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password, workspaceId }, TestApi.Json);
        await response.ReadAsync<MeResponse>(HttpStatusCode.OK);
        return browser;
    }

    public static async Task<MeResponse> MeAsync(this HttpClient client) =>
        await (await client.GetAsync("/api/v1/me")).ReadAsync<MeResponse>(HttpStatusCode.OK);

    // Later sources win: the defaults first, then what the test asked for.
    private static Dictionary<string, object?> Merge(params object?[] sources)
    {
        var merged = new Dictionary<string, object?>();
        foreach (var source in sources.OfType<object>())
        {
            foreach (var property in source.GetType().GetProperties())
            {
                merged[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = property.GetValue(source);
            }
        }
        return merged;
    }
}
