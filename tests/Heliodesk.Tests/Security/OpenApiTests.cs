using System.Net;
using System.Text.Json;
using Heliodesk.Data;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Security;

public sealed class OpenApiTests(TestDatabases databases)
{
    [Fact]
    public async Task The_openapi_document_describes_every_api_route_and_the_reference_page_loads()
    {
        var app = await databases.SharedAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();

        var document = await client.GetAsync("/openapi/v1.json");
        var body = await document.Content.ReadAsStringAsync();
        Assert.True(document.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/tickets", paths);
        Assert.Contains("/api/v1/tickets/{id}", paths);
        Assert.Contains("/api/v1/contacts/{id}", paths);
        var optionalId = json.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("OptionalOfGuid");
        Assert.Equal("uuid", optionalId.GetProperty("format").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api")).StatusCode);
    }
}
