using System.Net;
using System.Net.Http.Json;
using Heliodesk.Data;
using Heliodesk.Features.Workspaces;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Workspaces;

public sealed class WorkspaceTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_retried_workspace_creation_returns_the_first_workspace_and_its_location_resolves(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        using var admin = app.ClientWithToken(HeliodeskApplication.BootstrapToken);
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> CreateAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/workspaces") { Content = JsonContent.Create(new { name = "Acme Support" }) };
            request.Headers.Add("Idempotency-Key", key);
            return await admin.SendAsync(request);
        }

        var first = await CreateAsync();
        var retry = await CreateAsync();
        var created = await first.ReadAsync<CreatedWorkspace>(HttpStatusCode.Created);

        Assert.Equal(created.Id, (await retry.ReadAsync<CreatedWorkspace>(HttpStatusCode.Created)).Id);
        var located = await (await admin.GetAsync(first.Headers.Location)).ReadAsync<WorkspaceResponse>(HttpStatusCode.OK);
        Assert.Equal("Acme Support", located.Name);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientWithToken(created.OwnerToken).GetAsync("/api/v1/workspace")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Admins_set_the_workspace_name_language_and_time_zone(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();

        var updated = await (await ws.Owner.PatchAsJsonAsync("/api/v1/workspace", new { name = "Soporte", defaultLanguage = "ES", timeZone = "Europe/Madrid" }))
            .ReadAsync<WorkspaceResponse>(HttpStatusCode.OK);
        var bad = await ws.Owner.PatchAsJsonAsync("/api/v1/workspace", new { timeZone = "Mars/Olympus" });

        Assert.Equal(("Soporte", "es", "Europe/Madrid"), (updated.Name, updated.DefaultLanguage, updated.TimeZone));
        await bad.AssertFieldErrorAsync("timeZone");
        Assert.Equal("es", (await ws.Owner.CreateTicketAsync()).Language);
    }

    [Fact]
    public async Task Health_answers_once_the_database_is_migrated()
    {
        var app = await databases.SharedAsync(DatabaseProvider.Postgres);
        using var client = app.CreateClient();

        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }
}
