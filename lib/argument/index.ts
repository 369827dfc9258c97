export {
  CLAIM_KINDS,
  STANCES,
  isClaimKind,
  isStance,
  claimsMap,
  citationsMap,
  linksMap,
  metaMap,
  readClaim,
  readAllClaims,
  readCitations,
  readLinks,
  readMeta,
  type ClaimKind,
  type Stance,
  type ClaimData,
  type CitationData,
  type LinkData,
  type MapMeta,
} from "./claimSchema";
export {
  claimBodyFragment,
  setClaimPlainText,
  claimPlainText,
  claimBodyJSON,
  type RichNode,
  type RichMark,
} from "./claimBody";
export { orderBetween, orderForIndex, compareSiblings, compareKeys, isValidOrderKey } from "./claimOrder";
export {
  initMapDoc,
  addClaim,
  setClaimText,
  setStance,
  moveClaim,
  deleteClaim,
  subtreeIds,
  addCitation,
  removeCitation,
  addLink,
  removeLink,
  setMeta,
  addSourceId,
  type InitMapOptions,
  type AddClaimOptions,
  type NewCitation,
  type NewLink,
} from "./mapOperations";
export { buildMapTree, walkMapTree, type TreeNode, type MapTree } from "./mapTree";
export { projectMap, type ClaimRow, type MapProjection } from "./mapProjection";
export { newId } from "./newId";
