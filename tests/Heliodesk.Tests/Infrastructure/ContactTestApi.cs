using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Contacts;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Infrastructure;

/// <summary>Intent helpers for the customer directory: contacts, their addresses, organizations.</summary>
public static class ContactTestApi
{
    public static Task<HttpResponseMessage> PostContactAsync(this HttpClient client, string name, params string[] emails) =>
        client.PostJsonAsync("/api/v1/contacts", new { name, emails });

    public static async Task<ContactResponse> CreateContactAsync(this HttpClient client, string name, params string[] emails) =>
        await (await client.PostContactAsync(name, emails)).ReadAsync<ContactResponse>(HttpStatusCode.Created);

    public static async Task<ContactResponse> GetContactAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/contacts/{id}")).ReadAsync<ContactResponse>(HttpStatusCode.OK);

    public static async Task<ContactPage> ListContactsAsync(this HttpClient client, string query = "") =>
        await (await client.GetAsync($"/api/v1/contacts{query}")).ReadAsync<ContactPage>(HttpStatusCode.OK);

    /// <summary>Follows nextCursor until the end, as a client scrolling the whole directory would.</summary>
    public static async Task<List<ContactResponse>> ListAllContactsAsync(this HttpClient client, int limit)
    {
        var all = new List<ContactResponse>();
        string? cursor = null;
        do
        {
            var page = await client.ListContactsAsync($"?limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.True(page.Items.Count <= limit);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }

    public static async Task<OrganizationResponse> CreateOrganizationAsync(this HttpClient client, string name, object? extra = null)
    {
        var body = JsonSerializer.SerializeToNode(extra ?? new { }, TestApi.Json)!.AsObject();
        body["name"] = name;
        return await (await client.PostJsonAsync("/api/v1/organizations", body)).ReadAsync<OrganizationResponse>(HttpStatusCode.Created);
    }

    public static async Task<OrganizationResponse> GetOrganizationAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/organizations/{id}")).ReadAsync<OrganizationResponse>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, TestApi.Json);

    /// <summary>Sends nulls as nulls: in a PATCH, null clears a field and an absent field stays as it is.</summary>
    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, object changes) =>
        client.PatchAsJsonAsync(url, changes, TestApi.Json);

    /// <summary>Asserts a problem with <paramref name="status"/>; with a field, that its errors name it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        if (field is not null)
        {
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"Expected an error for '{field}' in {body}");
        }
        return problem;
    }

    /// <summary>
    /// Another member of the workspace with the given role, written straight through the app's services
    /// because there is no API for inviting agents yet. Returns a client carrying their token.
    /// </summary>
    public static async Task<HttpClient> AddMemberAsync(this HeliodeskApplication app, TestWorkspace ws, AgentRole role)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(ws.Id);
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        var now = app.Clock.GetUtcNow();
        var user = new User { Email = $"{role}-{Guid.NewGuid():N}@members.test".ToLowerInvariant(), Name = $"{role} member", CreatedAt = now };
        var agent = new Agent { WorkspaceId = ws.Id, UserId = user.Id, Name = user.Name, Email = user.Email, Role = role, CreatedAt = now };
        var secret = ApiToken.NewSecret();
        db.AddRange(user, agent, new ApiToken
        {
            WorkspaceId = ws.Id,
            AgentId = agent.Id,
            Name = $"{role} token",
            Hash = ApiToken.HashOf(secret),
            Hint = ApiToken.HintOf(secret),
            CreatedAt = now,
        });
        await db.SaveChangesAsync();
        return app.ClientWithToken(secret);
    }
}
