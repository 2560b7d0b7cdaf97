export {default} from './Highlighted';
