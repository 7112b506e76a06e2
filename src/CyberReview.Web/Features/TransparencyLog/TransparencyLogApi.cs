using CyberReview.Data;
using CyberReview.Data.Registry.Log;
using CyberReview.Transparency.Tiles;

namespace CyberReview.Web.Features.TransparencyLog;

/// <summary>
/// The registry's transparency log, served as C2SP tlog-tiles (c2sp.org/tlog-tiles) under /log: the signed checkpoint,
/// the hash tiles and the entry bundles. Public and outside /api/v1: the leaves of results that are not public are
/// salted commitments (RegistryLog), so nothing here shows what a reader may not see. Full tiles never change and are
/// cached for a year; partial tiles and the checkpoint change with each append and are cached briefly.
/// </summary>
internal static class TransparencyLogApi
{
    private const string Immutable = "public, max-age=31536000, immutable";
    private const string ShortLived = "public, max-age=5";

    public static void AddCyberReviewTransparencyLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TransparencyLogOptions>(configuration.GetSection(TransparencyLogOptions.Section));
        services.AddSingleton<TransparencyLogSigner>();
    }

    public static void MapTransparencyLog(this WebApplication app)
    {
        var log = app.MapGroup("/log").WithTags("Transparency log").AllowAnonymous();
        log.MapGet("/checkpoint", Checkpoint).WithSummary("The registry log's latest checkpoint, a C2SP signed note (origin, size, base64 root) signed with the log's Ed25519 key; it covers every committed registry change.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        log.MapGet("/key", Key).WithSummary("The log's public key as a signed-note verifier key (name+id+base64 key): all `cyberreview log verify` needs.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        log.MapGet("/tile/{**path}", Tile).WithSummary("A tile: `tile/L/N[.p/W]` (32-byte hashes of tree level 8·L) or `tile/entries/N[.p/W]` (entry bundle: each leaf a big-endian 16-bit length and its bytes). " +
            "404 beyond the tree; 400 when the path is not a tile path.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Checkpoint(HttpContext http, ReviewDbContext db, TransparencyLogSigner signer, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = ShortLived;
        return TypedResults.Text(await RegistryLog.CheckpointAsync(db, signer.Signer, cancellationToken), "text/plain; charset=utf-8");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Key(HttpContext http, TransparencyLogSigner signer)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Text(signer.Signer.Verifier + "\n", "text/plain; charset=utf-8");
    }

    private static async Task<IResult> Tile(HttpContext http, ReviewDbContext db, string path, CancellationToken cancellationToken)
    {
        if (!TilePath.TryParse(path, out var tile))
            return TypedResults.Problem(title: "Not a tile path", statusCode: StatusCodes.Status400BadRequest,
                detail: "Tiles are at tile/L/N[.p/W] and tile/entries/N[.p/W], N in three-digit groups (x001/234), W from 1 to 255.");
        if (await RegistryLog.TileAsync(db, tile, cancellationToken) is not { } bytes)
            return TypedResults.Problem(title: "Not found", statusCode: StatusCodes.Status404NotFound, detail: "The log does not hold this tile (yet).");
        http.Response.Headers.CacheControl = tile.IsPartial ? ShortLived : Immutable;
        return TypedResults.Bytes(bytes, "application/octet-stream");
    }
}
