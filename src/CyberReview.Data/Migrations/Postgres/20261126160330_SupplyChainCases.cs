using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyberReview.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupplyChainCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProductSboms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    DetectedKind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    BlobAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "bytea", maxLength: 512, nullable: false),
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedById = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ComponentsDone = table.Column<int>(type: "integer", nullable: false),
                    ComponentsTotal = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Format = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Summary = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductSboms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductSboms_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProductSboms_ProductVersions_ProductVersionId",
                        column: x => x.ProductVersionId,
                        principalTable: "ProductVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    SbomId = table.Column<Guid>(type: "uuid", nullable: false),
                    AdvisoryId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Aliases = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Severity = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: true),
                    Components = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    FixedVersions = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringAlerts_ProductSboms_SbomId",
                        column: x => x.SbomId,
                        principalTable: "ProductSboms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MonitoringAlerts_ProductVersions_ProductVersionId",
                        column: x => x.ProductVersionId,
                        principalTable: "ProductVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MonitoringAlerts_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SbomIssues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SbomId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AdvisoryId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Aliases = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Severity = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Rating = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Score = table.Column<double>(type: "double precision", nullable: true),
                    FixedVersions = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SbomIssues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SbomIssues_ProductSboms_SbomId",
                        column: x => x.SbomId,
                        principalTable: "ProductSboms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SbomPackages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SbomId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ecosystem = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Purl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SbomPackages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SbomPackages_ProductSboms_SbomId",
                        column: x => x.SbomId,
                        principalTable: "ProductSboms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplyChainProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssueId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FindingId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplyChainProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplyChainProposals_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupplyChainProposals_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupplyChainProposals_SbomIssues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "SbomIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAlerts_AcknowledgedAt_RaisedAt",
                table: "MonitoringAlerts",
                columns: new[] { "AcknowledgedAt", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAlerts_ProductId",
                table: "MonitoringAlerts",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAlerts_ProductVersionId_AdvisoryId",
                table: "MonitoringAlerts",
                columns: new[] { "ProductVersionId", "AdvisoryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAlerts_SbomId",
                table: "MonitoringAlerts",
                column: "SbomId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductSboms_CaseId",
                table: "ProductSboms",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductSboms_ProductVersionId_UploadedAt",
                table: "ProductSboms",
                columns: new[] { "ProductVersionId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductSboms_Status",
                table: "ProductSboms",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_SbomIssues_SbomId_Key",
                table: "SbomIssues",
                columns: new[] { "SbomId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SbomPackages_Ecosystem_Name",
                table: "SbomPackages",
                columns: new[] { "Ecosystem", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_SbomPackages_SbomId",
                table: "SbomPackages",
                column: "SbomId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyChainProposals_CaseId_Key",
                table: "SupplyChainProposals",
                columns: new[] { "CaseId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplyChainProposals_FindingId",
                table: "SupplyChainProposals",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyChainProposals_IssueId",
                table: "SupplyChainProposals",
                column: "IssueId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonitoringAlerts");

            migrationBuilder.DropTable(
                name: "SbomPackages");

            migrationBuilder.DropTable(
                name: "SupplyChainProposals");

            migrationBuilder.DropTable(
                name: "SbomIssues");

            migrationBuilder.DropTable(
                name: "ProductSboms");
        }
    }
}
