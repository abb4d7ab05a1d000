// The tests' generator is the one the product uses (lib/core/stats), so a seed means the same thing in both.
export { seededRandom } from "@/lib/core/stats/seeded-random";
