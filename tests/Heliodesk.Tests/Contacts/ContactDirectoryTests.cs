using System.Net;
using Heliodesk.Data;
using Heliodesk.Features.Contacts;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Contacts;

public sealed class ContactDirectoryTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_created_contact_is_stored_normalized_and_read_back_as_created(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();

        var response = await ws.Owner.PostJsonAsync("/api/v1/contacts", new
        {
            name = "  Živilė Kazlauskienė ",
            emails = new[] { "Zivile@Example.LT", "z.k@example.lt", "zivile@example.lt" },
            phone = "+370 612 34567",
            language = "LT",
            timeZone = "Europe/Vilnius",
            plan = "Pro",
            mrr = 49.90m,
            currency = "eur",
            signupDate = "2025-03-14",
            lifecycle = "trial",
            externalId = "crm-42",
        });

        var created = await response.ReadAsync<ContactResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/contacts/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("Živilė Kazlauskienė", "zivile@example.lt", "lt", "EUR"), (created.Name, created.Email, created.Language, created.Currency));
        Assert.Equal([new("zivile@example.lt", true), new("z.k@example.lt", false)], created.Emails);
        Assert.Equal((49.90m, new DateOnly(2025, 3, 14), LifecycleStage.Trial), (created.Mrr, created.SignupDate, created.Lifecycle));
        Assert.Equivalent(created, await ws.Owner.GetContactAsync(created.Id));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_patch_changes_only_the_fields_sent_null_clears_one_and_the_clock_stamps_it(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var created = await (await ws.Owner.PostJsonAsync("/api/v1/contacts", new
        {
            name = "Јован Петровић",
            emails = new[] { "jovan@example.rs" },
            phone = "+381 11 123 4567",
            timeZone = "Europe/Belgrade",
        })).ReadAsync<ContactResponse>(HttpStatusCode.Created);

        var patched = await (await ws.Owner.PatchJsonAsync($"/api/v1/contacts/{created.Id}",
            new { phone = (string?)null, plan = "Enterprise", lifecycle = "established" })).ReadAsync<ContactResponse>(HttpStatusCode.OK);

        Assert.Null(patched.Phone);
        Assert.Equal(("Enterprise", LifecycleStage.Established), (patched.Plan, patched.Lifecycle));
        Assert.Equal(("Јован Петровић", "Europe/Belgrade", "jovan@example.rs"), (patched.Name, patched.TimeZone, patched.Email));
        Assert.Equal(created.CreatedAt, patched.CreatedAt);
        Assert.True(patched.UpdatedAt > created.UpdatedAt);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bad_input_is_a_400_naming_the_field_and_creates_nothing(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var valid = new Dictionary<string, object?> { ["name"] = "Ana", ["emails"] = new[] { "ana@example.com" } };
        (string Field, object? Value)[] cases =
        [
            ("name", "   "), ("emails", Array.Empty<string>()), ("emails[1]", new[] { "ana@example.com", "not-an-address" }),
            ("timeZone", "Mars/Olympus_Mons"), ("language", "english please"), ("mrr", -1m), ("mrr", 10.555m), ("currency", "EURO"),
            ("phone", "call me maybe"), ("lifecycle", "vip"), ("organizationId", Guid.NewGuid()), ("externalId", new string('x', 101)),
        ];

        foreach (var (field, value) in cases)
        {
            var response = await ws.Owner.PostJsonAsync("/api/v1/contacts", new Dictionary<string, object?>(valid) { [field.Split('[')[0]] = value });
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        }
        Assert.Empty((await ws.Owner.ListContactsAsync()).Items);

        var contact = await ws.Owner.CreateContactAsync("Ana", "ana@example.com");
        await (await ws.Owner.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { name = (string?)null })).AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await ws.Owner.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { lifecycle = "vip" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await ws.Owner.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { timeZone = "Europe/Atlantis" })).AssertProblemAsync(HttpStatusCode.BadRequest, "timeZone");
        await (await ws.Owner.GetAsync("/api/v1/contacts?lifecycle=vip")).AssertProblemAsync(HttpStatusCode.BadRequest, "lifecycle");
        await (await ws.Owner.GetAsync("/api/v1/contacts?limit=101")).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
        await (await ws.Owner.GetAsync("/api/v1/contacts?cursor=garbage")).AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_email_address_or_external_id_belongs_to_one_contact_only(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var ana = await (await ws.Owner.PostJsonAsync("/api/v1/contacts", new { name = "Ana", emails = new[] { "ana@example.com" }, externalId = "crm-1" }))
            .ReadAsync<ContactResponse>(HttpStatusCode.Created);

        var sameAddress = await ws.Owner.PostContactAsync("Ana again", "new@example.com", "ANA@example.com");
        var problem = await sameAddress.AssertProblemAsync(HttpStatusCode.Conflict, "emails[1]");
        Assert.Contains("ana@example.com", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(ana.Id, problem.GetProperty("heldBy").GetGuid());

        var bea = await ws.Owner.CreateContactAsync("Bea", "bea@example.com");
        await (await ws.Owner.PostJsonAsync($"/api/v1/contacts/{bea.Id}/emails", new { address = "Ana@Example.com" })).AssertProblemAsync(HttpStatusCode.Conflict, "address");
        await (await ws.Owner.PatchJsonAsync($"/api/v1/contacts/{bea.Id}", new { externalId = "crm-1" })).AssertProblemAsync(HttpStatusCode.Conflict, "externalId");
        Assert.Equal(2, (await ws.Owner.ListContactsAsync()).Items.Count);

        var elsewhere = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        await elsewhere.Owner.CreateContactAsync("Another Ana", "ana@example.com");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Addresses_can_be_added_made_primary_and_removed_but_never_the_last(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var contact = await ws.Owner.CreateContactAsync("王芳", "wang.fang@example.cn");

        var added = await (await ws.Owner.PostJsonAsync($"/api/v1/contacts/{contact.Id}/emails", new { address = "Fang@Example.com" }))
            .ReadAsync<ContactResponse>(HttpStatusCode.Created);
        Assert.Equal([new("wang.fang@example.cn", true), new("fang@example.com", false)], added.Emails);

        var promoted = await (await ws.Owner.PostJsonAsync($"/api/v1/contacts/{contact.Id}/emails", new { address = "fang@example.com", primary = true }))
            .ReadAsync<ContactResponse>(HttpStatusCode.OK);
        Assert.Equal("fang@example.com", promoted.Email);

        var removed = await (await ws.Owner.DeleteAsync($"/api/v1/contacts/{contact.Id}/emails/fang@example.com")).ReadAsync<ContactResponse>(HttpStatusCode.OK);
        Assert.Equal([new("wang.fang@example.cn", true)], removed.Emails);

        await (await ws.Owner.DeleteAsync($"/api/v1/contacts/{contact.Id}/emails/wang.fang@example.cn")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NotFound, (await ws.Owner.DeleteAsync($"/api/v1/contacts/{contact.Id}/emails/nobody@example.cn")).StatusCode);
        Assert.Equal("wang.fang@example.cn", (await ws.Owner.GetContactAsync(contact.Id)).Email);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_retried_create_with_the_same_idempotency_key_creates_one_contact(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        HttpRequestMessage Request() => new(HttpMethod.Post, "/api/v1/contacts")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name = "Ana", emails = new[] { "ana@example.com" } }, options: TestApi.Json),
            Headers = { { "Idempotency-Key", "create-ana" } },
        };

        var first = await (await ws.Owner.SendAsync(Request())).ReadAsync<ContactResponse>(HttpStatusCode.Created);
        var retry = await (await ws.Owner.SendAsync(Request())).ReadAsync<ContactResponse>(HttpStatusCode.Created);

        Assert.Equal(first.Id, retry.Id);
        Assert.Single((await ws.Owner.ListContactsAsync()).Items);
    }
}
