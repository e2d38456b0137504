using Heliodesk.Data;
using Heliodesk.Features.Contacts;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Contacts;

public sealed class ContactSearchTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Q_is_a_case_insensitive_prefix_of_the_name_in_any_script_or_of_any_address(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        await ws.Owner.CreateContactAsync("Živilė Kazlauskienė", "zk@example.lt");
        await ws.Owner.CreateContactAsync("Zoe Adams", "zoe@example.com");
        await ws.Owner.CreateContactAsync("Јован Петровић", "jovan.p@example.rs", "ceo@petrovic.rs");
        await ws.Owner.CreateContactAsync("王芳", "wang.fang@example.cn");
        await ws.Owner.CreateContactAsync("Ömer Şahin", "omer@example.com.tr");

        async Task<string[]> Search(string q) =>
            (await ws.Owner.ListContactsAsync($"?q={Uri.EscapeDataString(q)}")).Items.Select(c => c.Name).ToArray();

        Assert.Equal(["Živilė Kazlauskienė"], await Search("živ"));
        Assert.Equal(["Živilė Kazlauskienė"], await Search("ŽIVILĖ K"));
        Assert.Equal(["Živilė Kazlauskienė"], await Search("z\u030Civ")); // Ž typed as Z + combining caron
        Assert.Equal(["Zoe Adams"], await Search("zo"));
        Assert.Equal(["Јован Петровић"], await Search("јов"));
        Assert.Equal(["Јован Петровић"], await Search("ЈОВАН"));
        Assert.Equal(["王芳"], await Search("王"));
        Assert.Equal(["Ömer Şahin"], await Search("öm"));
        Assert.Equal(["Јован Петровић"], await Search("CEO@"));
        Assert.Equal(["王芳"], await Search("wang.f"));
        Assert.Equal(["Zoe Adams", "Živilė Kazlauskienė"], await Search("z"));
        Assert.Empty(await Search("ivil"));
        Assert.Equal(5, (await Search("  ")).Length);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Paging_by_cursor_returns_every_contact_exactly_once_in_name_order(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        string[] names = ["Ana", "ana", "Ana", "Bo | Pipe", "Čarna", "Zed", "Ülkü", "Јован", "王芳", "Ana", "Émile", "bo"];
        var created = new List<ContactResponse>();
        for (var i = 0; i < names.Length * 2; i++)
        {
            created.Add(await ws.Owner.CreateContactAsync(names[i % names.Length], $"person{i}@example.com"));
        }

        foreach (var limit in new[] { 1, 5, 7, 100 })
        {
            var listed = await ws.Owner.ListAllContactsAsync(limit);

            Assert.Equal(created.Select(c => c.Id).Order(), listed.Select(c => c.Id).Order());
            Assert.Equal(listed.Select(c => c.Name).Order(StringComparer.Ordinal), listed.Select(c => c.Name));
        }
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Filters_narrow_the_list_by_organization_lifecycle_and_exact_email(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var acme = await ws.Owner.CreateOrganizationAsync("Acme");
        await ws.Owner.PostJsonAsync("/api/v1/contacts", new { name = "Ada", emails = new[] { "ada@acme.test" }, organizationId = acme.Id, lifecycle = "established" });
        await ws.Owner.PostJsonAsync("/api/v1/contacts", new { name = "Bob", emails = new[] { "bob@acme.test" }, organizationId = acme.Id, lifecycle = "churned" });
        await ws.Owner.PostJsonAsync("/api/v1/contacts", new { name = "Cy", emails = new[] { "cy@elsewhere.test", "cy.home@elsewhere.test" }, lifecycle = "established" });

        async Task<string[]> Names(string query) => (await ws.Owner.ListContactsAsync(query)).Items.Select(c => c.Name).ToArray();

        Assert.Equal(["Ada", "Bob"], await Names($"?organizationId={acme.Id}"));
        Assert.Equal(["Ada", "Cy"], await Names("?lifecycle=Established"));
        Assert.Equal(["Ada"], await Names($"?organizationId={acme.Id}&lifecycle=established"));
        Assert.Equal(["Cy"], await Names("?email=CY.HOME@elsewhere.test"));
        Assert.Empty(await Names("?email=cy.home@elsewhere"));
    }
}
