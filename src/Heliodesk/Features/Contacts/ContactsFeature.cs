using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Contacts;

public static class ContactsFeature
{
    public static IHostApplicationBuilder AddContacts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ContactDirectory>();
        // Only the SQLite context takes this: PostgreSQL's own lower() already folds all of Unicode.
        builder.Services.ConfigureDbContext<SqliteHeliodeskDb>(o => o.AddInterceptors(SqliteUnicodeLower.Instance));
        return builder;
    }

    public static RouteGroupBuilder MapContactsEndpoints(this RouteGroupBuilder api)
    {
        api.MapContactApi().MapContactEmailApi();
        api.MapOrganizationApi();
        return api;
    }
}
