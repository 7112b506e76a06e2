using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyberReview.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CiiProcurementAndPublicReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CiiOperators",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtectionDepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    DesignatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CiiOperators", x => x.OrganisationId);
                    table.ForeignKey(
                        name: "FK_CiiOperators_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CiiOperators_Organisations_ProtectionDepartmentId",
                        column: x => x.ProtectionDepartmentId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProcurementDeclarations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OperatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtectionDepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProductName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SupplierName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    VersionsText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SystemName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Level = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContractReference = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CommitsNoIllegalDataCollection = table.Column<bool>(type: "boolean", nullable: false),
                    CommitsNoIllegalDeviceControl = table.Column<bool>(type: "boolean", nullable: false),
                    CommitsNoUnjustifiedInterruption = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FiledById = table.Column<Guid>(type: "uuid", nullable: false),
                    FiledByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeterminedById = table.Column<Guid>(type: "uuid", nullable: true),
                    DeterminedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DeterminedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeterminationReasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcurementDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcurementDeclarations_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProcurementDeclarations_Organisations_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProcurementDeclarations_Organisations_ProtectionDepartmentId",
                        column: x => x.ProtectionDepartmentId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProcurementDeclarations_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Concern = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProductVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProductText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    VersionText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Contact = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    TriageReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    TriagedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TriagedById = table.Column<Guid>(type: "uuid", nullable: true),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    FileKind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FileSize = table.Column<long>(type: "bigint", nullable: true),
                    FileSha256 = table.Column<byte[]>(type: "bytea", nullable: true),
                    FileBlobAddress = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    FileWrappedKey = table.Column<byte[]>(type: "bytea", nullable: true),
                    FileKeyId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicReports_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicReports_ProductVersions_ProductVersionId",
                        column: x => x.ProductVersionId,
                        principalTable: "ProductVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicReports_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeclaredVersion",
                columns: table => new
                {
                    DeclarationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductVersionId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeclaredVersion", x => new { x.DeclarationId, x.ProductVersionId });
                    table.ForeignKey(
                        name: "FK_DeclaredVersion_ProcurementDeclarations_DeclarationId",
                        column: x => x.DeclarationId,
                        principalTable: "ProcurementDeclarations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DeclaredVersion_ProductVersions_ProductVersionId",
                        column: x => x.ProductVersionId,
                        principalTable: "ProductVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CiiOperators_ProtectionDepartmentId",
                table: "CiiOperators",
                column: "ProtectionDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_DeclaredVersion_ProductVersionId",
                table: "DeclaredVersion",
                column: "ProductVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcurementDeclarations_CaseId",
                table: "ProcurementDeclarations",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcurementDeclarations_FiledAt",
                table: "ProcurementDeclarations",
                column: "FiledAt");

            migrationBuilder.CreateIndex(
                name: "IX_ProcurementDeclarations_OperatorId_FiledAt",
                table: "ProcurementDeclarations",
                columns: new[] { "OperatorId", "FiledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcurementDeclarations_ProductId",
                table: "ProcurementDeclarations",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcurementDeclarations_ProtectionDepartmentId_Status_Filed~",
                table: "ProcurementDeclarations",
                columns: new[] { "ProtectionDepartmentId", "Status", "FiledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicReports_CaseId",
                table: "PublicReports",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicReports_ProductId_ReceivedAt",
                table: "PublicReports",
                columns: new[] { "ProductId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicReports_ProductVersionId",
                table: "PublicReports",
                column: "ProductVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicReports_ReceiptNumber",
                table: "PublicReports",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicReports_Status_ReceivedAt",
                table: "PublicReports",
                columns: new[] { "Status", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CiiOperators");

            migrationBuilder.DropTable(
                name: "DeclaredVersion");

            migrationBuilder.DropTable(
                name: "PublicReports");

            migrationBuilder.DropTable(
                name: "ProcurementDeclarations");
        }
    }
}
