/**
 * English stop words left out of top terms: function words and the words every support message
 * has. Written without apostrophes, as the query strips them ("dont", "im").
 */
export const STOP_WORDS: readonly string[] = [
  'a', 'about', 'above', 'after', 'again', 'against', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'arent', 'as', 'at',
  'be', 'because', 'been', 'before', 'being', 'below', 'between', 'both', 'but', 'by', 'can', 'cant', 'cannot', 'could',
  'couldnt', 'did', 'didnt', 'do', 'does', 'doesnt', 'doing', 'dont', 'down', 'during', 'each', 'even', 'ever', 'every',
  'few', 'for', 'from', 'further', 'get', 'got', 'had', 'hadnt', 'has', 'hasnt', 'have', 'havent', 'having', 'he', 'hed',
  'hell', 'her', 'here', 'heres', 'hers', 'herself', 'hes', 'hey', 'hi', 'him', 'himself', 'his', 'how', 'hows', 'id', 'if',
  'ill', 'im', 'in', 'into', 'is', 'isnt', 'it', 'its', 'itself', 'ive', 'just', 'lets', 'like', 'me', 'more', 'most',
  'much', 'must', 'mustnt', 'my', 'myself', 'no', 'nor', 'not', 'now', 'of', 'off', 'ok', 'on', 'once', 'one', 'only',
  'or', 'other', 'ought', 'our', 'ours', 'ourselves', 'out', 'over', 'own', 'please', 'same', 'shant', 'she', 'shed',
  'shell', 'shes', 'should', 'shouldnt', 'so', 'some', 'still', 'such', 'than', 'thank', 'thanks', 'that', 'thats',
  'the', 'their', 'theirs', 'them', 'themselves', 'then', 'there', 'theres', 'these', 'they', 'theyd', 'theyll',
  'theyre', 'theyve', 'this', 'those', 'through', 'to', 'too', 'under', 'until', 'up', 'us', 'very', 'was', 'wasnt',
  'we', 'wed', 'well', 'were', 'werent', 'weve', 'what', 'whats', 'when', 'whens', 'where', 'wheres', 'which', 'while',
  'who', 'whom', 'whos', 'why', 'whys', 'will', 'with', 'wont', 'would', 'wouldnt', 'yes', 'yet', 'you', 'youd',
  'youll', 'your', 'youre', 'yours', 'yourself', 'yourselves', 'youve',
];
