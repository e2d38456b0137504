using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Security;

public sealed class SecretsAtRestTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_retried_token_creation_replays_the_secret_but_the_database_never_holds_it(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();

        async Task<string> CreateTokenAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/api-tokens") { Content = JsonContent.Create(new { name = "Zapier" }) };
            request.Headers.Add("Idempotency-Key", "zapier-token");
            var response = await ws.Owner.SendAsync(request);
            using var body = JsonDocument.Parse(await response.ReadAsync<string>(HttpStatusCode.Created, raw: true));
            return body.RootElement.GetProperty("token").GetString()!;
        }

        var first = await CreateTokenAsync();
        var replayed = await CreateTokenAsync();

        Assert.Equal(first, replayed);
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(ws.Id);
        var stored = await scope.ServiceProvider.GetRequiredService<HeliodeskDb>().IdempotencyRecords.SingleAsync(r => r.Key == "zapier-token");
        Assert.DoesNotContain(first, stored.ResponseJson, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientWithToken(first).GetAsync("/api/v1/me")).StatusCode);
    }
}
